### signpost: interface strings (Polish).
### The comments in ../en/ui.ftl say where each message shows.

## Site header and navigation

site-title = Pomoc techniczna
site-tagline = Pomoc dotycząca Microsoft 365 i Azure dla klientów i partnerów
skip-to-content = Przejdź do treści
language-switcher-label = Język
breadcrumb-label = Ścieżka nawigacyjna
breadcrumb-home = Strona główna

## Page furniture

toc-title = Na tej stronie
last-updated = Ostatnia aktualizacja: { $date }
reading-time =
    { $minutes ->
        [one] { $minutes } minuta czytania
        [few] { $minutes } minuty czytania
        [many] { $minutes } minut czytania
       *[other] { $minutes } minuty czytania
    }
page-count =
    { $count ->
        [one] { $count } strona
        [few] { $count } strony
        [many] { $count } stron
       *[other] { $count } strony
    }

## Sections

section-self-support = Samodzielne rozwiązywanie problemów
section-self-support-intro = Co możesz zrobić samodzielnie w centrum administracyjnym Microsoft 365 lub w witrynie Azure Portal.
section-escalation = Eskalacja
section-escalation-intro = Czym partnerzy zajmują się w imieniu klientów i kiedy przekazać sprawę do firmy Microsoft.
section-empty = W tej sekcji nie ma jeszcze stron.

## Home page of a language

home-title = Jak możemy pomóc?
home-intro = Znajdź odpowiedzi na pytania dotyczące Microsoft 365 i Azure, niezależnie od tego, czy jesteś klientem, czy partnerem.

## Callout boxes

alert-note = Uwaga
alert-tip = Porada
alert-important = Ważne
alert-warning = Ostrzeżenie
alert-caution = Przestroga

## Links and images

image-missing = Obraz:
link-other-language = Strona w innym języku: { $language }
link-unavailable = Ta strona jest niedostępna

## Page not found (404)

not-found-title = Nie znaleziono strony
not-found-text = Strona mogła zostać przeniesiona lub usunięta. Sprawdź adres albo zacznij od strony głównej.
not-found-home = Przejdź do strony głównej

## Language chooser

chooser-title = Wybierz język
chooser-intro = Pomoc jest dostępna w następujących językach.

## Footer

footer-attribution = Treść: dokumentacja Centrum partnerskiego © Microsoft Corporation i współtwórcy, na licencji CC BY 4.0.
footer-generated = Wygenerowano za pomocą signpost

## Dates

date-long = { $day } { $month } { $year }
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia

## Planned features

machine-translated-notice = Ta strona została przetłumaczona maszynowo.
show-original = Pokaż angielski oryginał
outdated-notice = To tłumaczenie może być nieaktualne.
fallback-notice = Ta strona nie została jeszcze przetłumaczona na język polski. Poniżej znajduje się wersja { $source ->
        [en] angielska
        [nl] niderlandzka
        [ru] rosyjska
       *[other] oryginalna
    }.
reconstructed-notice = Ta angielska strona została odtworzona na podstawie tekstu źródłowego tłumaczenia.

## Translations and status

english-version-link = Przeczytaj wersję angielską

outdated-link = Przeczytaj aktualną wersję

reconstructed-source-link = Zobacz tłumaczenie, z którego powstała

translation-delivered = Tłumaczenie dostarczono { $date }

switcher-fallback = jeszcze nie przetłumaczono

status-link = Stan tłumaczeń

status-title = Stan tłumaczeń

status-intro = Każda strona w każdym języku: kto ją przetłumaczył, czy jest aktualna i których tekstów interfejsu brakuje.

status-page = Strona

status-human = Człowiek

status-machine = Maszynowe

status-reconstructed = Odtworzona

status-fallback = Zastępcza

status-stale = Nieaktualna

status-totals = Podsumowanie według języków

status-ui-strings = Teksty interfejsu

status-language = Język

status-missing-keys = { $count ->
        [0] Kompletne
        [one] Brakuje { $count } tekstu
        [few] Brakuje { $count } tekstów
        [many] Brakuje { $count } tekstów
       *[other] Brakuje { $count } tekstu
    }

## Wyszukiwanie

search-label = Szukaj na stronach pomocy
search-placeholder = Np. anulować subskrypcję
search-button = Szukaj
search-title = Wyszukiwanie
search-loading = Wyszukiwanie…
search-results =
    { $count ->
        [one] { $count } wynik
        [few] { $count } wyniki
        [many] { $count } wyników
       *[other] { $count } wyniku
    }
search-no-results = Nie znaleziono stron. Spróbuj innych słów albo przejrzyj listę poniżej.
search-failed = Nie udało się wczytać indeksu wyszukiwania, więc nie można było wyszukać podanych słów. Przejrzyj listę poniżej.
search-az = Wszystkie strony od A do Z
search-needs-js = Wyszukiwanie wymaga JavaScriptu. Poniżej znajdziesz wszystkie strony alfabetycznie.

## Feedback and editing

feedback-question = Czy ta strona była pomocna?
feedback-yes = Tak
feedback-no = Nie
feedback-reasons-title = Co było nie tak?
feedback-reason-inaccurate = Informacje są nieprawdziwe
feedback-reason-hard-to-understand = Trudno ją zrozumieć
feedback-reason-translation = Problem z tłumaczeniem
feedback-reason-missing-information = Brakuje informacji
feedback-reason-other = Coś innego
feedback-thanks = Dziękujemy za opinię.
feedback-report-translation = Zgłoś problem z tłumaczeniem
feedback-report-passage = Zgłoś ten fragment tłumaczenia
feedback-mail-subject = Opinia o stronie „{ $title }”
edit-page = Edytuj tę stronę
## Sentence-level staleness
outdated-segments = Od czasu tego tłumaczenia w tekście angielskim zmieniono { $changed } z { $total } { $total ->
        [one] fragmentu
       *[other] fragmentów
    }.
outdated-new-passages = W tym tłumaczeniu brakuje { $count ->
        [one] { $count } angielskiego fragmentu
       *[other] { $count } angielskich fragmentów
    }:
changed-in-english = Zmieniono w tekście angielskim. Obecnie:
removed-in-english = Tego nie ma już w tekście angielskim.
status-qa = Kontrola tłumaczenia
status-segments = Segmenty: { $total }; zmienione: { $changed }, nowe: { $new }, usunięte: { $removed }
status-qa-findings = Kontrola tłumaczenia: { $count } { $count ->
        [one] uwaga
        [few] uwagi
       *[many] uwag
    }
