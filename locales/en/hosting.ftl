## Redirect pages: written at an old page's address, they send the reader to the new one.
## The page refreshes to its target by itself; the text is for when it does not.

# Title and heading of a redirect page.
redirect-title = This page has moved
# Above the link to the new address (the link's text is the new page's title or its URL).
redirect-text = You are being taken to its new address. If nothing happens, follow this link:

## Brand

# Accessible name of the partner's links in the footer (brand.footer_links in site.yaml).
footer-links-label = Links
