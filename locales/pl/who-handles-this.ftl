### signpost: drzewo decyzyjne „Kto się tym zajmuje?” (polski).
### Identyfikatory komunikatów są podane w content/who-handles-this.yaml; komentarze w ../en/who-handles-this.ftl mówią, gdzie pojawia się każdy tekst.

## Page furniture

who-title = Kto się tym zajmuje?
who-intro = Odpowiedz na kilka pytań, a dowiesz się, kto może ci pomóc z problemem i co zrobić dalej.
who-teaser = Nie wiesz, kto może ci pomóc? Odpowiedz na kilka pytań.
who-start-again = Zacznij od nowa
who-back = Wstecz
who-change = Zmień
who-your-answers = Twoje odpowiedzi
who-options-label = Odpowiedzi
who-handled-by = Kto się tym zajmuje
who-next-steps = Co zrobić dalej
who-read-more = Więcej informacji
who-overview = Zobacz wszystkie pytania i odpowiedzi naraz
who-overview-title = Wszystkie pytania i odpowiedzi
who-overview-intro = Każde pytanie i to, dokąd prowadzi każda odpowiedź. Wybierz pole, aby przejść do tego kroku.
who-overview-list = To samo w formie listy
who-leads-to = prowadzi do
who-response-times = Czas pierwszej odpowiedzi
who-severity = Ważność
who-response = Pierwsza odpowiedź
# "w ciągu" takes the genitive: 1 godziny; 2, 5, 21 godzin; fractions godziny.
who-within-hours =
    { $hours ->
        [one] w ciągu { $hours } godziny
        [few] w ciągu { $hours } godzin
        [many] w ciągu { $hours } godzin
       *[other] w ciągu { $hours } godziny
    }
who-within-days =
    { $days ->
        [one] w ciągu { $days } dnia roboczego
        [few] w ciągu { $days } dni roboczych
        [many] w ciągu { $days } dni roboczych
       *[other] w ciągu { $days } dnia roboczego
    }
who-response-note = Te czasy dotyczą pomocy technicznej w języku angielskim. Pomoc techniczna przez telefon nie jest dostępna.

## Who handles it

who-handler-you = Ty
who-handler-partner = Twój partner
who-handler-indirect-provider = Twój dostawca pośredni
who-handler-microsoft = Microsoft, przez żądanie obsługi
who-handler-publisher = Wydawca produktu
who-handler-not-covered = Poza zakresem twojej umowy partnerskiej

## The partner's contact card (from site.yaml)

who-contact-title = Skontaktuj się z partnerem
who-contact-neutral = Skontaktuj się z partnerem, od którego kupujesz subskrypcje Microsoft. Jego nazwę znajdziesz na fakturze i w centrum administracyjnym Microsoft 365 na stronie Relacje z partnerami.
who-contact-website = Witryna pomocy technicznej
who-contact-email = E-mail
who-contact-phone = Telefon
who-contact-hours = Godziny pracy
who-contact-languages = Języki
who-contact-paid = Pomoc techniczna tego partnera może być płatna.
who-contact-free = Pomoc techniczna tego partnera jest wliczona w subskrypcję.

## Questions and answers

who-q-role = Jesteś klientem czy partnerem?
who-q-role-hint = Klienci kupują usługi w chmurze Microsoft od partnera. Partnerzy (dostawcy rozwiązań w chmurze) sprzedają te usługi i zapewniają dla nich pomoc techniczną.
who-a-role-customer = Jestem klientem
who-a-role-partner = Jestem partnerem (dostawcą rozwiązań w chmurze)

who-q-customer-need = W czym potrzebujesz pomocy?
who-a-customer-configure = Konfigurowanie usługi, którą już mam, lub zarządzanie nią
who-a-customer-subscriptions = Zakup dodatkowych subskrypcji lub anulowanie subskrypcji
who-a-customer-not-working = Coś nie działa
who-a-customer-billing = Pytanie dotyczące mojej faktury
who-a-customer-marketplace = Produkt kupiony na komercyjnej platformie handlowej

who-q-service-health = Czy na stronie Kondycja usługi widać problem z tą usługą?
who-q-service-health-hint = Sprawdź stronę Kondycja usługi w centrum administracyjnym Microsoft 365 lub w witrynie Azure Portal.
who-a-service-health-yes = Tak, to znany problem
who-a-service-health-no = Nie albo nie mam pewności

who-q-partner-need = Czego dotyczy problem?
who-a-partner-technical = Problem techniczny klienta
who-a-partner-billing = Spór o rozliczenia lub podejrzenie oszustwa
who-a-partner-marketplace = Produkt klienta z komercyjnej platformy handlowej
who-a-partner-own-tenant = Dzierżawa mojej firmy

who-q-partner-can-fix = Czy możesz to rozwiązać w ramach własnej pomocy technicznej dla klienta?
who-q-partner-can-fix-hint = W przypadku większości zadań konfiguracyjnych i administracyjnych tak: masz delegowane uprawnienia administratora w środowisku klienta.
who-a-partner-can-fix-yes = Tak
who-a-partner-can-fix-no = Nie, potrzebna jest pomoc firmy Microsoft

who-q-partner-reseller = Jak sprzedajesz usługi temu klientowi?
who-a-partner-reseller-indirect = Jako odsprzedawca pośredni, przez dostawcę pośredniego
who-a-partner-reseller-direct = Bezpośrednio (partner z bezpośrednimi rozliczeniami)

who-q-partner-service = Której usługi to dotyczy?
who-a-partner-service-azure = Azure
who-a-partner-service-m365 = Microsoft 365, Dynamics 365 lub Enterprise Mobility + Security

## Outcomes

who-o-self-service = Możesz to zrobić samodzielnie
who-o-self-service-summary = Usługami, które już masz, zarządzasz tak samo, jak po zakupie bezpośrednio od firmy Microsoft.
who-o-self-service-step-1 = Zaloguj się do centrum administracyjnego Microsoft 365 lub do witryny Azure Portal.
who-o-self-service-step-2 = Informacje o swoich usługach znajdziesz na stronie Kondycja usługi i w Centrum wiadomości.
who-o-self-service-step-3 = Jeśli potrzebujesz pomocy z produktem, zacznij od stron pomocy technicznej tego produktu.

who-o-known-incident = Śledź znany problem na stronie Kondycja usługi
who-o-known-incident-summary = Firma Microsoft już wie o tym problemie i pracuje nad nim. Nie musisz się z nikim kontaktować.
who-o-known-incident-step-1 = Otwórz problem na stronie Kondycja usługi, aby zobaczyć, czego dotyczy i kiedy go ostatnio zaktualizowano.
who-o-known-incident-step-2 = Jeśli problem nie zostanie rozwiązany w terminie podanym na stronie Kondycja usługi, skontaktuj się z partnerem.

who-o-partner-subscriptions = Subskrypcje zmienia twój partner
who-o-partner-subscriptions-summary = Aby kupić dodatkowe subskrypcje lub anulować subskrypcję, skontaktuj się ze swoim partnerem w programie Dostawca rozwiązań w chmurze. Nie możesz zmienić tych subskrypcji bezpośrednio w firmie Microsoft.
who-o-partner-subscriptions-step-1 = Przekaż partnerowi, którą subskrypcję chcesz dodać lub anulować i dla ilu użytkowników.
who-o-partner-subscriptions-step-2 = Partner wprowadzi zmianę i poinformuje cię, od kiedy zacznie obowiązywać.

who-o-partner-support = Pomoże ci twój partner
who-o-partner-support-summary = Partner wspiera cię od początku do końca: analizuje problem, rozwiązuje to, co może, a jeśli nie może, przekazuje sprawę do firmy Microsoft.
who-o-partner-support-step-1 = Skontaktuj się z partnerem i opisz, co nie działa, od kiedy i u kogo.
who-o-partner-support-step-2 = Partner rozwiąże problem albo prześle za ciebie żądanie obsługi do firmy Microsoft.

who-o-partner-billing = Na pytania o faktury odpowiada partner
who-o-partner-billing-summary = To partner wystawia ci faktury za subskrypcje, więc z pytaniami o fakturę zwracaj się do niego.
who-o-partner-billing-step-1 = Skontaktuj się z partnerem, podaj numer faktury i zadaj pytanie.

who-o-partner-fixes = Problem klienta rozwiązujesz ty
who-o-partner-fixes-summary = Jako partner klienta masz delegowane uprawnienia administratora, więc możesz bezpośrednio obsługiwać i konfigurować jego subskrypcje oraz nimi zarządzać.
who-o-partner-fixes-step-1 = W Centrum partnerskim wybierz pozycję Klienci, a potem klienta, i użyj linków administracyjnych do jego usług.
who-o-partner-fixes-step-2 = Sprawdź kondycję usług klienta i jego zdarzenia usług w Centrum partnerskim.

who-o-indirect-provider = Twój dostawca pośredni przekaże sprawę do firmy Microsoft
who-o-indirect-provider-summary = Jako odsprzedawca pośredni eskalujesz problemy przez swojego dostawcę pośredniego. Tak samo postępujesz w przypadku sporów o rozliczenia i oszustw.
who-o-indirect-provider-step-1 = Poproś dostawcę pośredniego o przesłanie żądania obsługi dla twojego klienta.
who-o-indirect-provider-step-2 = W przypadku platformy Azure dostawca pośredni musi najpierw dać ci dostęp do konta platformy Azure klienta.

who-o-escalate-azure = Prześlij żądanie obsługi platformy Azure do firmy Microsoft
who-o-escalate-azure-summary = Jeśli nie możesz rozwiązać problemu klienta z platformą Azure, prześlij za niego żądanie obsługi w witrynie Azure Portal.
who-o-escalate-azure-step-1 = W Centrum partnerskim wybierz pozycję Klienci, znajdź klienta i wybierz pozycję Żądania obsługi, a następnie Nowe żądanie i Azure.
who-o-escalate-azure-step-2 = W żądaniu wybierz plan pomocy technicznej „Cloud Solution Provider”.
who-o-escalate-azure-step-3 = Wpisz własne dane kontaktowe, a nie dane klienta.
who-o-escalate-step-severity = Wybierz ważność zgodną z wpływem na działalność firmy. Od niej zależy, jak szybko odpowie firma Microsoft.

who-o-escalate-microsoft-365 = Prześlij żądanie obsługi w centrum administracyjnym
who-o-escalate-microsoft-365-summary = W przypadku Microsoft 365, Dynamics 365 i Enterprise Mobility + Security przesyłaj żądanie obsługi dla klienta przez centrum administracyjne.
who-o-escalate-microsoft-365-step-1 = W Centrum partnerskim wybierz pozycję Klienci, znajdź klienta i wybierz pozycję Żądania obsługi, a następnie Nowe żądanie i Office 365, Dynamics 365, Enterprise Mobility Suite.
who-o-escalate-microsoft-365-step-2 = W przypadku Dynamics 365 potrzebujesz planu Advanced Support for Partners lub wyższego.

who-o-escalate-billing = Eskaluj problem z rozliczeniami do firmy Microsoft
who-o-escalate-billing-summary = Każdy partner programu Dostawca rozwiązań w chmurze może eskalować do firmy Microsoft problemy handlowe, takie jak spory o rozliczenia i oszustwa.
who-o-escalate-billing-step-1 = Prześlij żądanie obsługi dla klienta w Centrum partnerskim.
who-o-escalate-billing-step-2 = Opisz kwestionowane opłaty lub podejrzenie oszustwa i podaj numery oraz daty faktur.

who-o-publisher = Pomocy technicznej dla produktu udziela wydawca
who-o-publisher-summary = Pomocy technicznej dla produktów z komercyjnej platformy handlowej udziela firma, która je publikuje, a nie Microsoft.
who-o-publisher-step-1 = Otwórz stronę produktu na platformie handlowej lub w witrynie Azure Portal.
who-o-publisher-step-2 = Skorzystaj z podanych tam danych kontaktowych pomocy technicznej wydawcy.

who-o-not-covered = Twoja własna dzierżawa nie jest objęta pomocą
who-o-not-covered-summary = Świadczenie pomocy technicznej dla partnerów programu Dostawca rozwiązań w chmurze obejmuje twoich klientów, a nie dzierżawę twojej firmy.
who-o-not-covered-step-1 = W przypadku problemów we własnej dzierżawie skorzystaj z planu pomocy technicznej, który twoja firma ma w firmie Microsoft.

## Severity levels

who-severity-a = A: krytyczna
who-severity-b = B: umiarkowana
who-severity-c = C: minimalna
who-severity-other = Inne zdarzenia

## Request summary (at the end of a walk, on every outcome page)

who-handoff-title = Podsumowanie zgłoszenia
who-handoff-intro = Twoje odpowiedzi, gotowe do wysłania do tego, kto zajmie się problemem. Przed wysłaniem uzupełnij puste wiersze.
who-handoff-copy = Kopiuj podsumowanie
who-handoff-copied = Skopiowano podsumowanie.
who-handoff-copy-failed = Nie udało się skopiować. Zaznacz tekst poniżej i skopiuj go.
who-handoff-print = Drukuj
# "Wyślij do: <name>" avoids declining a company name.
who-handoff-send = Wyślij do: { $name }
who-handoff-cut-note = Podsumowanie jest za długie na jeden link e-mail, dlatego wiadomość zawiera skróconą wersję. W razie potrzeby wklej do niej pełny tekst poniżej.
who-handoff-subject = Zgłoszenie do pomocy technicznej: { $title }
who-handoff-include = Podaj w zgłoszeniu
who-handoff-severity = Wybrana ważność
who-handoff-walk = Te odpowiedzi online
who-handoff-cut = Skrócono, aby zmieścić się w linku e-mail. Pełne podsumowanie jest na stronie, z której wysłano tę wiadomość.
who-handoff-cut-link = Skrócono, aby zmieścić się w linku e-mail. Pełne podsumowanie: { $url }

## What a good request contains

who-r-company = Nazwa Twojej firmy
who-r-domain = Nazwa Twojej domeny (na przykład contoso.onmicrosoft.com)
who-r-contact = Twoje imię i nazwisko, adres e-mail i numer telefonu
who-r-service = Usługa, której dotyczy problem
who-r-what-happens = Co się dzieje, wraz z treścią komunikatów o błędach
who-r-since = Od kiedy to się dzieje
who-r-who-affected = Kogo to dotyczy: jednej osoby, zespołu czy wszystkich
who-r-tried = Co już wypróbowano
who-r-subscription-change = Subskrypcja do dodania lub anulowania i dla ilu użytkowników
who-r-when-effective = Od kiedy zmiana ma obowiązywać
who-r-invoice = Numer i data faktury
who-r-billing-question = Twoje pytanie dotyczące faktury, wraz z kwotami, których dotyczy

who-r-customer = Nazwa firmy klienta
who-r-customer-domain = Nazwa domeny klienta ze strony jego konta w Centrum partnerskim
who-r-product = Usługa, której dotyczy problem (dla platformy Azure: identyfikator subskrypcji)
who-r-azure-subscription = Subskrypcja platformy Azure, która wymaga pomocy (identyfikator subskrypcji)
who-r-support-plan = Plan pomocy technicznej wybrany w zgłoszeniu (Cloud Solution Provider)
who-r-m365-service = Usługa: Office 365, Dynamics 365 lub Enterprise Mobility + Security
who-r-dynamics-plan = Dla Dynamics 365: Twój plan Advanced Support for Partners lub wyższy
who-r-your-contact = Twoje własne dane kontaktowe, a nie dane klienta
who-r-problem = Problem, komunikaty o błędach i to, czego dotyczy
who-r-started = Od kiedy to się dzieje i czy nadal występuje
who-r-disputed = Kwestionowane opłaty lub podejrzenie oszustwa, wraz z numerami i datami faktur
