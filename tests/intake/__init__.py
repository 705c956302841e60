"""Helpers of the tests of the spreadsheet route (template, export, import)."""
