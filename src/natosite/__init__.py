"""natosite: NATO vacancies in git, as a searchable static site and an ICS feed."""

__version__ = "0.1.0"
