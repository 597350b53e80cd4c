### signpost: interface strings (Dutch).
### The comments in ../en/ui.ftl say where each message shows.

## Site header and navigation

site-title = Ondersteuning
site-tagline = Hulp bij Microsoft 365 en Azure voor klanten en partners
skip-to-content = Direct naar de inhoud
language-switcher-label = Taal
breadcrumb-label = Kruimelpad
breadcrumb-home = Home

## Page furniture

toc-title = Op deze pagina
last-updated = Laatst bijgewerkt op { $date }
reading-time =
    { $minutes ->
        [one] { $minutes } minuut leestijd
       *[other] { $minutes } minuten leestijd
    }
page-count =
    { $count ->
        [one] { $count } pagina
       *[other] { $count } pagina's
    }

## Sections

section-self-support = Zelf oplossen
section-self-support-intro = Wat u zelf kunt regelen in het Microsoft 365-beheercentrum of de Azure-portal.
section-escalation = Escalatie
section-escalation-intro = Wat partners voor hun klanten oppakken, en wanneer ze een probleem bij Microsoft neerleggen.
section-empty = Dit onderdeel heeft nog geen pagina's.

## Home page of a language

home-title = Waarmee kunnen we u helpen?
home-intro = Hier vindt u antwoorden over Microsoft 365 en Azure, of u nu klant of partner bent.

## Callout boxes

alert-note = Opmerking
alert-tip = Tip
alert-important = Belangrijk
alert-warning = Waarschuwing
alert-caution = Let op

## Links and images

image-missing = Afbeelding:
link-other-language = Deze pagina is in een andere taal: { $language }
link-unavailable = Deze pagina is niet beschikbaar

## Page not found (404)

not-found-title = Pagina niet gevonden
not-found-text = De pagina is misschien verplaatst of bestaat niet meer. Controleer het adres of begin opnieuw op de startpagina.
not-found-home = Naar de startpagina

## Language chooser

chooser-title = Kies uw taal
chooser-intro = Deze hulp is beschikbaar in de volgende talen.

## Footer

footer-attribution = Inhoud: documentatie van Partnercentrum © Microsoft Corporation en bijdragers, beschikbaar onder de licentie CC BY 4.0.
footer-generated = Gemaakt met signpost

## Dates

date-long = { $day } { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Planned features

machine-translated-notice = Deze pagina is automatisch vertaald.
show-original = Engelse originele tekst tonen
outdated-notice = Deze vertaling is mogelijk verouderd.
fallback-notice = Deze pagina is nog niet in het Nederlands vertaald. Hieronder staat de { $source ->
        [en] Engelse
        [ru] Russische
        [pl] Poolse
       *[other] oorspronkelijke
    } versie.
reconstructed-notice = Deze Engelse pagina is opnieuw opgebouwd uit de brontekst van een vertaling.

## Translations and status

english-version-link = Lees de Engelse versie

outdated-link = Lees de actuele versie

reconstructed-source-link = Bekijk de vertaling waarop deze is gebaseerd

translation-delivered = Vertaling geleverd op { $date }

switcher-fallback = nog niet vertaald

status-link = Vertaalstatus

status-title = Vertaalstatus

status-intro = Elke pagina in elke taal: wie haar vertaalde, of ze actueel is en welke interfaceteksten ontbreken.

status-page = Pagina

status-human = Menselijk

status-machine = Automatisch

status-reconstructed = Gereconstrueerd

status-fallback = Vervangend

status-stale = Verouderd

status-totals = Totalen per taal

status-ui-strings = Interfaceteksten

status-language = Taal

status-missing-keys = { $count ->
        [0] Compleet
        [one] { $count } tekst ontbreekt
       *[other] { $count } teksten ontbreken
    }

## Zoeken

search-label = Zoeken in de hulppagina's
search-placeholder = Zoek, bijv. abonnement annuleren
search-button = Zoeken
search-title = Zoeken
search-loading = Bezig met zoeken…
search-results =
    { $count ->
        [one] { $count } resultaat
       *[other] { $count } resultaten
    }
search-no-results = Geen pagina's gevonden. Probeer andere woorden, of kijk in de lijst hieronder.
search-failed = De zoekfunctie kon haar index niet laden en heeft dus niet naar uw woorden kunnen zoeken. Kijk in de lijst hieronder.
search-az = Alle pagina's van A tot Z
search-needs-js = Zoeken werkt alleen met JavaScript. Hieronder staan alle pagina's van A tot Z.

## Feedback and editing

feedback-question = Was deze pagina nuttig?
feedback-yes = Ja
feedback-no = Nee
feedback-reasons-title = Wat was er mis?
feedback-reason-inaccurate = De informatie klopt niet
feedback-reason-hard-to-understand = Het is moeilijk te begrijpen
feedback-reason-translation = Er is een probleem met de vertaling
feedback-reason-missing-information = Er ontbreekt informatie
feedback-reason-other = Iets anders
feedback-thanks = Bedankt voor uw feedback.
feedback-report-translation = Een vertaalprobleem melden
feedback-report-passage = Deze vertaling melden
feedback-mail-subject = Feedback over "{ $title }"
edit-page = Deze pagina bewerken
## Sentence-level staleness
outdated-segments = { $changed } van de { $total } { $total ->
        [one] passage
       *[other] passages
    } { $changed ->
        [one] is
       *[other] zijn
    } in het Engels gewijzigd sinds deze vertaling.
outdated-new-passages = { $count ->
        [one] Eén Engelse passage ontbreekt
       *[other] { $count } Engelse passages ontbreken
    } in deze vertaling:
changed-in-english = Gewijzigd in het Engels. Nu:
removed-in-english = Staat niet meer in de Engelse tekst.
status-qa = Vertaalcontrole
status-segments = { $total } { $total ->
        [one] segment
       *[other] segmenten
    }: { $changed } gewijzigd, { $new } nieuw, { $removed } verwijderd
status-qa-findings = { $count ->
        [one] { $count } bevinding
       *[other] { $count } bevindingen
    } van de vertaalcontrole
