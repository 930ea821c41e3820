"""Stage four (with printing): the site, built by the engine into a staging folder, checked, and swapped in."""
