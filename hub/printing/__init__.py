"""Stage four (with the site): print HTML to tagged PDFs, safely, reproducibly, on all cores, with a checked cache."""
