"""Support and deployment: what a municipal IT department and a support desk need.

``doctor`` checks a machine and prints a report without personal data; ``deployment`` reads
the settings IT pre-configures (server address, CA bundle).
"""
