"""repolens: what is this GitHub repository written in and built with?"""

__version__ = "0.1.0"
