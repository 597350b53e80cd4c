### signpost: de beslisboom "Wie regelt dit?" (Nederlands).
### De berichtnamen staan in content/who-handles-this.yaml; de opmerkingen in ../en/who-handles-this.ftl zeggen waar elke tekst verschijnt.

## Page furniture

who-title = Wie regelt dit?
who-intro = Beantwoord een paar vragen. Dan ziet u wie u met uw probleem kan helpen en wat u daarna moet doen.
who-teaser = Weet u niet wie u kan helpen? Beantwoord een paar vragen.
who-start-again = Opnieuw beginnen
who-back = Terug
who-change = Wijzigen
who-your-answers = Uw antwoorden
who-options-label = Antwoorden
who-handled-by = Wie regelt dit
who-next-steps = Wat u nu moet doen
who-read-more = Meer informatie
who-overview = Alle vragen en antwoorden in één overzicht
who-overview-title = Alle vragen en antwoorden
who-overview-intro = Elke vraag en waar elk antwoord naartoe leidt. Selecteer een vak om naar die stap te gaan.
who-overview-list = Hetzelfde als lijst
who-leads-to = leidt naar
who-response-times = Tijd tot eerste reactie
who-severity = Ernst
who-response = Eerste reactie
# Dutch uses "uur" (not "uren") after a number: "binnen 4 uur".
who-within-hours =
    { $hours ->
        [one] binnen { $hours } uur
       *[other] binnen { $hours } uur
    }
who-within-days =
    { $days ->
        [one] binnen { $days } werkdag
       *[other] binnen { $days } werkdagen
    }
who-response-note = Deze tijden gelden voor ondersteuning in het Engels. Telefonische ondersteuning is er niet.

## Who handles it

who-handler-you = U
who-handler-partner = Uw partner
who-handler-indirect-provider = Uw indirecte provider
who-handler-microsoft = Microsoft, via een serviceaanvraag
who-handler-publisher = De uitgever van het product
who-handler-not-covered = Niet gedekt door uw partnerovereenkomst

## The partner's contact card (from site.yaml)

who-contact-title = Neem contact op met uw partner
who-contact-neutral = Neem contact op met de partner bij wie u uw Microsoft-abonnementen koopt. U vindt de naam van de partner op uw factuur en in het Microsoft 365-beheercentrum onder Partnerrelaties.
who-contact-website = Ondersteuningswebsite
who-contact-email = E-mail
who-contact-phone = Telefoon
who-contact-hours = Servicetijden
who-contact-languages = Talen
who-contact-paid = Deze partner kan kosten rekenen voor ondersteuning.
who-contact-free = Ondersteuning van deze partner is inbegrepen bij uw abonnement.

## Questions and answers

who-q-role = Bent u klant of partner?
who-q-role-hint = Klanten kopen Microsoft-cloudservices bij een partner. Partners (Cloud Solution Providers) verkopen die services en bieden er ondersteuning bij.
who-a-role-customer = Ik ben klant
who-a-role-partner = Ik ben partner (Cloud Solution Provider)

who-q-customer-need = Waarmee hebt u hulp nodig?
who-a-customer-configure = Een service die ik al heb instellen of beheren
who-a-customer-subscriptions = Abonnementen bijkopen of een abonnement opzeggen
who-a-customer-not-working = Er werkt iets niet
who-a-customer-billing = Een vraag over mijn factuur
who-a-customer-marketplace = Een product dat ik in de commerciële marketplace heb gekocht

who-q-service-health = Ziet u in Servicestatus een probleem met deze service?
who-q-service-health-hint = Kijk bij Servicestatus in het Microsoft 365-beheercentrum of in de Azure Portal.
who-a-service-health-yes = Ja, er is een bekend probleem
who-a-service-health-no = Nee, of ik weet het niet zeker

who-q-partner-need = Waar gaat het probleem over?
who-a-partner-technical = Een technisch probleem van een klant
who-a-partner-billing = Een geschil over een factuur of vermoedelijke fraude
who-a-partner-marketplace = Een product van een klant uit de commerciële marketplace
who-a-partner-own-tenant = De tenant van mijn eigen bedrijf

who-q-partner-can-fix = Kunt u het oplossen met uw eigen ondersteuning voor de klant?
who-q-partner-can-fix-hint = Bij de meeste configuratie- en beheertaken kan dat: u hebt gedelegeerde beheerdersbevoegdheden in de omgeving van de klant.
who-a-partner-can-fix-yes = Ja
who-a-partner-can-fix-no = Nee, daar is Microsoft voor nodig

who-q-partner-reseller = Hoe verkoopt u aan deze klant?
who-a-partner-reseller-indirect = Als indirecte reseller, via een indirecte provider
who-a-partner-reseller-direct = Rechtstreeks (partner voor directe facturering)

who-q-partner-service = Over welke service gaat het?
who-a-partner-service-azure = Azure
who-a-partner-service-m365 = Microsoft 365, Dynamics 365 of Enterprise Mobility + Security

## Outcomes

who-o-self-service = U kunt dit zelf doen
who-o-self-service-summary = U beheert de services die u al hebt zelf, net alsof u ze rechtstreeks bij Microsoft had gekocht.
who-o-self-service-step-1 = Meld u aan bij het Microsoft 365-beheercentrum of de Azure Portal.
who-o-self-service-step-2 = Kijk in Servicestatus en in het Berichtencentrum voor nieuws over uw services.
who-o-self-service-step-3 = Hulp nodig bij een product? Begin bij de ondersteuningspagina's van dat product.

who-o-known-incident = Volg het bekende probleem in Servicestatus
who-o-known-incident-summary = Microsoft weet al van dit probleem en werkt eraan. U hoeft met niemand contact op te nemen.
who-o-known-incident-step-1 = Open het probleem in Servicestatus. Daar ziet u wat er is getroffen en wanneer het voor het laatst is bijgewerkt.
who-o-known-incident-step-2 = Is het probleem niet opgelost op het moment dat Servicestatus noemt? Neem dan contact op met uw partner.

who-o-partner-subscriptions = Uw partner wijzigt uw abonnementen
who-o-partner-subscriptions-summary = Wilt u abonnementen bijkopen of een abonnement opzeggen? Neem dan contact op met uw Cloud Solution Provider-partner. U kunt deze abonnementen niet rechtstreeks bij Microsoft wijzigen.
who-o-partner-subscriptions-step-1 = Laat uw partner weten welk abonnement u wilt toevoegen of opzeggen, en voor hoeveel gebruikers.
who-o-partner-subscriptions-step-2 = Uw partner voert de wijziging door en laat u weten wanneer die ingaat.

who-o-partner-support = Uw partner helpt u
who-o-partner-support-summary = Uw partner ondersteunt u van begin tot eind: uw partner zoekt het probleem uit, lost op wat mogelijk is en legt het bij Microsoft neer als dat niet lukt.
who-o-partner-support-step-1 = Neem contact op met uw partner en beschrijf wat er niet werkt, sinds wanneer en voor wie.
who-o-partner-support-step-2 = Uw partner lost het op of dient voor u een serviceaanvraag in bij Microsoft.

who-o-partner-billing = Uw partner beantwoordt vragen over uw factuur
who-o-partner-billing-summary = Uw partner factureert uw abonnementen. Met vragen over uw factuur gaat u dus naar uw partner.
who-o-partner-billing-step-1 = Neem contact op met uw partner. Vermeld uw factuurnummer en uw vraag.

who-o-partner-fixes = U lost het op voor uw klant
who-o-partner-fixes-summary = Als partner van de klant hebt u gedelegeerde beheerdersbevoegdheden. Daarmee kunt u de abonnementen van de klant rechtstreeks ondersteunen, configureren en beheren.
who-o-partner-fixes-step-1 = Selecteer in Partnercentrum Klanten en daarna de klant. Gebruik de beheerkoppelingen voor de services van de klant.
who-o-partner-fixes-step-2 = Bekijk in Partnercentrum de servicestatus en de service-incidenten van de klant.

who-o-indirect-provider = Uw indirecte provider legt het bij Microsoft neer
who-o-indirect-provider-summary = Als indirecte reseller escaleert u via uw indirecte provider. Dat geldt ook voor factuurgeschillen en fraude.
who-o-indirect-provider-step-1 = Vraag uw indirecte provider om voor uw klant een serviceaanvraag in te dienen.
who-o-indirect-provider-step-2 = Voor Azure moet uw indirecte provider u eerst toegang geven tot het Azure-account van de klant.

who-o-escalate-azure = Dien een Azure-serviceaanvraag in bij Microsoft
who-o-escalate-azure-summary = Kunt u een Azure-probleem van een klant niet oplossen? Dien dan in de Azure Portal een serviceaanvraag in voor de klant.
who-o-escalate-azure-step-1 = Selecteer in Partnercentrum Klanten, zoek de klant en selecteer Serviceaanvragen. Kies daarna Nieuwe aanvraag en Azure.
who-o-escalate-azure-step-2 = Kies in de aanvraag het ondersteuningsplan "Cloud Solution Provider".
who-o-escalate-azure-step-3 = Vul uw eigen contactgegevens in, niet die van uw klant.
who-o-escalate-step-severity = Kies de ernst die past bij de impact op het bedrijf. De ernst bepaalt hoe snel Microsoft reageert.

who-o-escalate-microsoft-365 = Dien een serviceaanvraag in via het beheercentrum
who-o-escalate-microsoft-365-summary = Voor Microsoft 365, Dynamics 365 en Enterprise Mobility + Security dient u de serviceaanvraag voor uw klant in via het beheercentrum.
who-o-escalate-microsoft-365-step-1 = Selecteer in Partnercentrum Klanten, zoek de klant en selecteer Serviceaanvragen. Kies daarna Nieuwe aanvraag en Office 365, Dynamics 365, Enterprise Mobility Suite.
who-o-escalate-microsoft-365-step-2 = Voor Dynamics 365 hebt u een Advanced Support for Partners-plan of hoger nodig.

who-o-escalate-billing = Escaleer het factuurprobleem naar Microsoft
who-o-escalate-billing-summary = Elke Cloud Solution Provider-partner kan commerciële problemen, zoals factuurgeschillen en fraude, naar Microsoft escaleren.
who-o-escalate-billing-step-1 = Dien in Partnercentrum een serviceaanvraag in voor de klant.
who-o-escalate-billing-step-2 = Beschrijf de betwiste kosten of de vermoedelijke fraude, met factuurnummers en datums.

who-o-publisher = De uitgever ondersteunt het product
who-o-publisher-summary = Producten uit de commerciële marketplace worden ondersteund door het bedrijf dat ze uitgeeft, niet door Microsoft.
who-o-publisher-step-1 = Open de pagina van het product in de marketplace of in de Azure Portal.
who-o-publisher-step-2 = Gebruik de contactgegevens voor ondersteuning van de uitgever die daar staan.

who-o-not-covered = Uw eigen tenant valt er niet onder
who-o-not-covered-summary = Het ondersteuningsvoordeel voor Cloud Solution Provider-partners geldt voor uw klanten, niet voor de tenant van uw eigen bedrijf.
who-o-not-covered-step-1 = Gebruik voor problemen in uw eigen tenant het ondersteuningsplan dat uw bedrijf zelf bij Microsoft heeft.

## Severity levels

who-severity-a = A: kritiek
who-severity-b = B: gemiddeld
who-severity-c = C: minimaal
who-severity-other = Overige incidenten

## Request summary (at the end of a walk, on every outcome page)

who-handoff-title = Samenvatting van uw aanvraag
who-handoff-intro = Uw antwoorden, klaar om te versturen naar wie uw probleem afhandelt. Vul de regels in voordat u het verstuurt.
who-handoff-copy = Samenvatting kopiëren
who-handoff-copied = Samenvatting gekopieerd.
who-handoff-copy-failed = Kopiëren is niet gelukt. Selecteer de tekst hieronder en kopieer die.
who-handoff-print = Afdrukken
who-handoff-send = Versturen naar { $name }
who-handoff-cut-note = De samenvatting is te lang voor één e-maillink, dus de e-mail bevat een ingekorte versie. Kopieer zo nodig de volledige tekst hieronder erin.
who-handoff-subject = Ondersteuningsaanvraag: { $title }
who-handoff-include = Vermeld in uw aanvraag
who-handoff-severity = Gekozen ernst
who-handoff-walk = Deze antwoorden online
who-handoff-cut = Ingekort om in een e-maillink te passen. De volledige samenvatting staat op de pagina van waaruit dit is verstuurd.
who-handoff-cut-link = Ingekort om in een e-maillink te passen. De volledige samenvatting: { $url }

## What a good request contains

who-r-company = Naam van uw bedrijf
who-r-domain = Uw domeinnaam (bijvoorbeeld contoso.onmicrosoft.com)
who-r-contact = Uw naam, e-mailadres en telefoonnummer
who-r-service = De service waar het om gaat
who-r-what-happens = Wat er gebeurt, met eventuele foutmeldingen
who-r-since = Wanneer het begon
who-r-who-affected = Wie er last van heeft: één persoon, een team of iedereen
who-r-tried = Wat er al is geprobeerd
who-r-subscription-change = Het abonnement dat erbij moet of opgezegd wordt, en voor hoeveel gebruikers
who-r-when-effective = Wanneer de wijziging moet ingaan
who-r-invoice = Factuurnummer en -datum
who-r-billing-question = Uw vraag over de factuur, met de bedragen waar het om gaat

who-r-customer = Bedrijfsnaam van de klant
who-r-customer-domain = Domeinnaam van de klant, van de accountpagina in Partnercentrum
who-r-product = De service waar het om gaat (voor Azure: de abonnements-id)
who-r-azure-subscription = Azure-abonnement dat ondersteuning nodig heeft (abonnements-id)
who-r-support-plan = Ondersteuningsplan gekozen in de aanvraag (Cloud Solution Provider)
who-r-m365-service = Service: Office 365, Dynamics 365 of Enterprise Mobility + Security
who-r-dynamics-plan = Voor Dynamics 365: uw Advanced Support for Partners-plan of hoger
who-r-your-contact = Uw eigen contactgegevens, niet die van de klant
who-r-problem = Het probleem, met foutmeldingen en wat er getroffen is
who-r-started = Wanneer het begon, en of het nog steeds gebeurt
who-r-disputed = De betwiste kosten of de vermoedelijke fraude, met factuurnummers en datums
