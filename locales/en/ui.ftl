### signpost: interface strings (English, the reference file).
### Every language file must have exactly the same message ids as this one.
### Translators: the comment above each message says where it shows.
### Keep { $variables } as they are; translate the text around them.

## Site header and navigation

# The site name, in the page header and in the browser tab title.
site-title = Support

# One line under the site name in the header: what the site is for.
site-tagline = Help with Microsoft 365 and Azure for customers and partners

# First link on every page, visible only when a keyboard user tabs to it. Jumps past the header to the main text.
skip-to-content = Skip to content

# Accessible name (read by screen readers) of the language switcher menu in the header.
language-switcher-label = Language

# Accessible name (read by screen readers) of the breadcrumb trail above the page title.
breadcrumb-label = Breadcrumb

# First link in the breadcrumb trail: the home page of this language.
breadcrumb-home = Home

## Page furniture

# Heading of the table of contents box beside or above a long page.
toc-title = On this page

# Under the page title. $date is a full date that is already formatted, for example "May 5, 2020".
last-updated = Last updated on { $date }

# Under the page title: roughly how long the page takes to read. $minutes is a whole number.
reading-time =
    { $minutes ->
        [one] { $minutes } minute read
       *[other] { $minutes } minutes read
    }

# In section lists: how many pages a section has. $count is a whole number.
page-count =
    { $count ->
        [one] { $count } page
       *[other] { $count } pages
    }

## Sections

# Heading of the section for tasks customers can do on their own.
section-self-support = Self-support

# One sentence under the "Self-support" heading.
section-self-support-intro = Things you can do yourself in the Microsoft 365 admin center or the Azure portal.

# Heading of the section for issues that partners handle or pass on to Microsoft.
section-escalation = Escalation

# One sentence under the "Escalation" heading.
section-escalation-intro = What partners take care of for their customers, and when to escalate to Microsoft.

# Shown in place of the page list when a section has no pages yet.
section-empty = No pages in this section yet.

## Home page of a language

# Main heading of the home page of each language.
home-title = How can we help?

# One sentence under the home page heading.
home-intro = Find answers about Microsoft 365 and Azure, whether you're a customer or a partner.

## Callout boxes in the page text (one word, shown as the box's label)

# Label of a box with extra information worth knowing.
alert-note = Note

# Label of a box with advice that makes a task easier.
alert-tip = Tip

# Label of a box with information the reader needs to succeed.
alert-important = Important

# Label of a box about something that could cause a problem.
alert-warning = Warning

# Label of a box about risky actions, such as losing data.
alert-caution = Caution

## Links and images

# Shown before the description of an image that could not be included, for example "Image: The Billing page". The template adds the space after it.
image-missing = Image:

# Tooltip on a link that leads to a page in another language. $language is that language's own name, for example "Русский" or "Nederlands".
link-other-language = This page is available in { $language }

# Tooltip (and screen reader text) on link text whose target page does not exist on this site. The text is shown without a link.
link-unavailable = This page is not available

## Page not found (404)

# Main heading of the "page not found" page.
not-found-title = Page not found

# Text under the "page not found" heading.
not-found-text = The page may have moved or no longer exists. Check the address, or start again from the home page.

# Link on the "page not found" page to the home page of this language.
not-found-home = Go to the home page

## Language chooser (the site's root page)

# Heading of the root page where the reader picks a language. The root page shows this heading from every language file, each in its own language.
chooser-title = Choose your language

# One short sentence under the language chooser heading, also shown in every language.
chooser-intro = This help is available in the following languages.

## Footer

# Footer credit for the documentation the content is based on. Keep "Microsoft Corporation" and "CC BY 4.0" as they are.
footer-attribution = Content: Partner Center documentation © Microsoft Corporation and contributors, licensed under CC BY 4.0.

# Footer note naming the program that built the site. Keep "signpost" as it is.
footer-generated = Built with signpost

## Dates

# A full date built from parts, used for example in "Last updated on …". $month is one of the month names below, $day and $year are numbers.
date-long = { $month } { $day }, { $year }

# Month name as used inside a full date (date-long). In languages with cases, use the form that follows a day number.
month-1 = January

# Month name as used inside a full date (date-long).
month-2 = February

# Month name as used inside a full date (date-long).
month-3 = March

# Month name as used inside a full date (date-long).
month-4 = April

# Month name as used inside a full date (date-long).
month-5 = May

# Month name as used inside a full date (date-long).
month-6 = June

# Month name as used inside a full date (date-long).
month-7 = July

# Month name as used inside a full date (date-long).
month-8 = August

# Month name as used inside a full date (date-long).
month-9 = September

# Month name as used inside a full date (date-long).
month-10 = October

# Month name as used inside a full date (date-long).
month-11 = November

# Month name as used inside a full date (date-long).
month-12 = December

## Planned features (not shown yet)

# Notice at the top of a page whose text was translated by a machine.
machine-translated-notice = This page was machine translated.

# Button on a translated page that shows the English text it was translated from.
show-original = Show English original

# Notice at the top of a translated page whose English original has changed since it was translated.
outdated-notice = This translation may be out of date.

# Notice at the top of a page shown in another language because it has no translation yet. $source is the code of the language shown (en, nl, ru, pl): select the adjective for it in your language.
fallback-notice = This page hasn't been translated into English yet. Below is the { $source ->
        [nl] Dutch
        [ru] Russian
        [pl] Polish
       *[other] original
    } version.

# Notice at the top of an English page that was rebuilt from the original text behind a translation.
reconstructed-notice = This English page was reconstructed from the source text of a translation.

## Translations and status

# Link in the machine-translation notice to the English page, when the page has no English originals inline.
english-version-link = Read the English version

# Link in the out-of-date notice to the translation made from the newest English text.
outdated-link = Read the up-to-date version

# Link in the notice of a rebuilt English page to the translation it was rebuilt from.
reconstructed-source-link = See the translation it comes from

# Under the page title of a translation: when the translation was delivered. $date is formatted.
translation-delivered = Translation delivered on { $date }

# Small marker after a language in the switcher when that language has no translation of this page.
switcher-fallback = not translated yet

# Translation status report for writers (status page).
status-link = Translation status

# Translation status report for writers (status page).
status-title = Translation status

# Translation status report for writers (status page).
status-intro = Every page in every language: who translated it, whether it is up to date, and which interface strings are missing.

# Translation status report for writers (status page).
status-page = Page

# Translation status report for writers (status page).
status-human = Human

# Translation status report for writers (status page).
status-machine = Machine

# Translation status report for writers (status page).
status-reconstructed = Reconstructed

# Translation status report for writers (status page).
status-fallback = Fallback

# Translation status report for writers (status page).
status-stale = Out of date

# Translation status report for writers (status page).
status-totals = Totals per language

# Translation status report for writers (status page).
status-ui-strings = Interface strings

# Translation status report for writers (status page).
status-language = Language

# Translation status report for writers (status page).
status-missing-keys = { $count ->
        [0] Complete
        [one] { $count } string missing
       *[other] { $count } strings missing
    }

## Search

# Accessible label of the search box (header and search page).
search-label = Search the help pages
# Placeholder text inside the search box.
search-placeholder = Search, e.g. cancel subscription
search-button = Search
# Title of the search page.
search-title = Search
# While the index loads.
search-loading = Searching…
# How many results. $count is a whole number.
search-results =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
search-no-results = No pages match. Try other words, or browse the list below.
search-failed = Search could not load its index, so it could not look for your words. Browse the list below.
# Heading of the list of every page, for browsing (and for readers without JavaScript).
search-az = All pages A–Z
# Shown when JavaScript is off.
search-needs-js = Searching needs JavaScript. Every page is listed below, A to Z.

## Feedback and editing

# Heading of the box at the end of every page that asks the reader for a Yes or No answer.
feedback-question = Was this page helpful?

# Answer link in the feedback box.
feedback-yes = Yes

# Answer link in the feedback box; it opens the list of reasons below.
feedback-no = No

# Above the list of reasons, after the reader answered No.
feedback-reasons-title = What was wrong with it?

# Reason after No: the page says something that is not true.
feedback-reason-inaccurate = The information is wrong

# Reason after No.
feedback-reason-hard-to-understand = It is hard to understand

# Reason after No: the translation is bad.
feedback-reason-translation = There is a translation problem

# Reason after No.
feedback-reason-missing-information = Information is missing

# Reason after No: none of the others.
feedback-reason-other = Something else

# Replaces the feedback box once the reader has answered.
feedback-thanks = Thank you for your feedback.

# Link in the notice of a machine-translated page.
feedback-report-translation = Report a translation problem

# Small link after each English original (shown on request) of a machine-translated page: reports the translation of that passage.
feedback-report-passage = Report this translation

# Subject of the feedback e-mail or issue a reader sends. $title is the page's title.
feedback-mail-subject = Feedback on "{ $title }"

# Link for writers at the end of a page written by hand: opens the page's source to edit it.
edit-page = Edit this page
## Sentence-level staleness

# Out-of-date notice when the page's English can be compared passage by passage. $changed passages of the translation's $total have different English now.
outdated-segments = { $changed } of { $total } { $total ->
        [one] passage
       *[other] passages
    } changed in English since this translation.

# Under the out-of-date notice: English passages the translation does not have. A list follows.
outdated-new-passages = { $count ->
        [one] One English passage is
       *[other] { $count } English passages are
    } missing from this translation:

# Marker in the text of an out-of-date translation, before the current English of a passage that changed.
changed-in-english = Changed in English. Now:

# Marker in the text of an out-of-date translation, on a passage the English text no longer has.
removed-in-english = No longer in the English text.

# Translation status report: column of translation-QA findings (numbers, code, links… machine translation broke).
status-qa = Translation QA

# Translation status report, in a page's cell: its segments compared with the newest English.
status-segments = { $total } { $total ->
        [one] segment
       *[other] segments
    }: { $changed } changed, { $new } new, { $removed } removed

# Translation status report, in a page's cell: how many translation-QA findings it has; the rules follow.
status-qa-findings = { $count ->
        [one] { $count } QA finding
       *[other] { $count } QA findings
    }
