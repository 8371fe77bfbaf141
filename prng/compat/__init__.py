"""Framework reproductions: thin layers over prng's bit generators and distributions."""
