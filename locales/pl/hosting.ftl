## Strony przekierowań

redirect-title = Ta strona została przeniesiona
redirect-text = Trwa przekierowanie pod nowy adres. Jeśli nic się nie dzieje, kliknij ten link:

## Marka

footer-links-label = Linki
