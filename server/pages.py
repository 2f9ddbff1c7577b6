"""Linked-data and human pages (work in progress)."""

from flask import Blueprint

bp = Blueprint("pages", __name__)
