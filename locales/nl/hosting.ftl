## Doorverwijspagina's

redirect-title = Deze pagina is verplaatst
redirect-text = U wordt doorgestuurd naar het nieuwe adres. Gebeurt er niets, volg dan deze link:

## Merk

footer-links-label = Links
