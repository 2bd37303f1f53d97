"""Ketenzicht: signaleren van onveiligheid bij jeugdigen, duiden, en toeleiden naar passende hulp."""

__version__ = "0.1.0"
