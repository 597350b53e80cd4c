### signpost: дерево решений «Кто этим занимается?» (русский).
### Идентификаторы сообщений указаны в content/who-handles-this.yaml; комментарии в ../en/who-handles-this.ftl объясняют, где показывается каждый текст.

## Page furniture

who-title = Кто этим занимается?
who-intro = Ответьте на несколько вопросов, чтобы узнать, кто может помочь с вашей проблемой и что делать дальше.
who-teaser = Не знаете, кто может помочь? Ответьте на несколько вопросов.
who-start-again = Начать заново
who-back = Назад
who-change = Изменить
who-your-answers = Ваши ответы
who-options-label = Варианты ответа
who-handled-by = Кто этим занимается
who-next-steps = Что делать дальше
who-read-more = Подробнее
who-overview = Все вопросы и ответы на одной странице
who-overview-title = Все вопросы и ответы
who-overview-intro = Все вопросы и то, куда ведет каждый ответ. Выберите блок, чтобы перейти к этому шагу.
who-overview-list = То же в виде списка
who-leads-to = ведет к
who-response-times = Время первого ответа
who-severity = Серьезность
who-response = Первый ответ
# "в течение" takes the genitive: 1 (21, 31...) часа; 2, 5, 11... часов; fractions часа.
who-within-hours =
    { $hours ->
        [one] в течение { $hours } часа
        [few] в течение { $hours } часов
        [many] в течение { $hours } часов
       *[other] в течение { $hours } часа
    }
who-within-days =
    { $days ->
        [one] в течение { $days } рабочего дня
        [few] в течение { $days } рабочих дней
        [many] в течение { $days } рабочих дней
       *[other] в течение { $days } рабочего дня
    }
who-response-note = Это время действует для поддержки на английском языке. Поддержки по телефону нет.

## Who handles it

who-handler-you = Вы
who-handler-partner = Ваш партнер
who-handler-indirect-provider = Ваш косвенный поставщик
who-handler-microsoft = Microsoft, через запрос на обслуживание
who-handler-publisher = Издатель продукта
who-handler-not-covered = Не входит в ваше партнерское соглашение

## The partner's contact card (from site.yaml)

who-contact-title = Свяжитесь с партнером
who-contact-neutral = Свяжитесь с партнером, у которого вы покупаете подписки Microsoft. Его название указано в вашем счете и в Центре администрирования Microsoft 365 в разделе «Отношения с партнерами».
who-contact-website = Сайт поддержки
who-contact-email = Электронная почта
who-contact-phone = Телефон
who-contact-hours = Часы работы
who-contact-languages = Языки
who-contact-paid = Поддержка этого партнера может быть платной.
who-contact-free = Поддержка этого партнера входит в вашу подписку.

## Questions and answers

who-q-role = Вы клиент или партнер?
who-q-role-hint = Клиенты покупают облачные службы Microsoft у партнера. Партнеры (поставщики облачных решений) продают эти службы и поддерживают их.
who-a-role-customer = Я клиент
who-a-role-partner = Я партнер (поставщик облачных решений)

who-q-customer-need = С чем вам нужна помощь?
who-a-customer-configure = Настроить службу, которая у меня уже есть, или управлять ею
who-a-customer-subscriptions = Купить дополнительные подписки или отменить подписку
who-a-customer-not-working = Что-то не работает
who-a-customer-billing = Вопрос по моему счету
who-a-customer-marketplace = Продукт, купленный в коммерческом Marketplace

who-q-service-health = Есть ли проблема с этой службой в разделе «Работоспособность службы»?
who-q-service-health-hint = Откройте раздел «Работоспособность службы» в Центре администрирования Microsoft 365 или на портале Azure.
who-a-service-health-yes = Да, это известная проблема
who-a-service-health-no = Нет или точно не знаю

who-q-partner-need = С чем связана проблема?
who-a-partner-technical = Техническая проблема клиента
who-a-partner-billing = Спор по счету или подозрение на мошенничество
who-a-partner-marketplace = Продукт клиента из коммерческого Marketplace
who-a-partner-own-tenant = Арендатор моей компании

who-q-partner-can-fix = Можете ли вы решить проблему сами в рамках своей поддержки клиента?
who-q-partner-can-fix-hint = В большинстве задач настройки и администрирования — да: у вас есть делегированные права администратора в среде клиента.
who-a-partner-can-fix-yes = Да
who-a-partner-can-fix-no = Нет, нужна помощь Microsoft

who-q-partner-reseller = Как вы продаете подписки этому клиенту?
who-a-partner-reseller-indirect = Как косвенный торговый посредник, через косвенного поставщика
who-a-partner-reseller-direct = Напрямую (партнер с прямым выставлением счетов)

who-q-partner-service = О какой службе идет речь?
who-a-partner-service-azure = Azure
who-a-partner-service-m365 = Microsoft 365, Dynamics 365 или Enterprise Mobility + Security

## Outcomes

who-o-self-service = Вы можете сделать это сами
who-o-self-service-summary = Вы управляете своими службами так же, как если бы купили их напрямую у Microsoft.
who-o-self-service-step-1 = Войдите в Центр администрирования Microsoft 365 или на портал Azure.
who-o-self-service-step-2 = Новости о ваших службах смотрите в разделе «Работоспособность службы» и в Центре сообщений.
who-o-self-service-step-3 = Если нужна помощь с продуктом, начните со страниц поддержки этого продукта.

who-o-known-incident = Следите за известной проблемой в разделе «Работоспособность службы»
who-o-known-incident-summary = Microsoft уже знает об этой проблеме и работает над ней. Никуда обращаться не нужно.
who-o-known-incident-step-1 = Откройте проблему в разделе «Работоспособность службы», чтобы узнать, что она затрагивает и когда ее последний раз обновляли.
who-o-known-incident-step-2 = Если проблема не решена к сроку, который указан в разделе «Работоспособность службы», свяжитесь с партнером.

who-o-partner-subscriptions = Подписки меняет ваш партнер
who-o-partner-subscriptions-summary = Чтобы купить дополнительные подписки или отменить подписку, свяжитесь со своим партнером по программе поставщиков облачных решений. Изменить эти подписки напрямую через Microsoft нельзя.
who-o-partner-subscriptions-step-1 = Сообщите партнеру, какую подписку вы хотите добавить или отменить и для скольких пользователей.
who-o-partner-subscriptions-step-2 = Партнер внесет изменение и сообщит вам, когда оно вступит в силу.

who-o-partner-support = Вам поможет партнер
who-o-partner-support-summary = Партнер поддерживает вас от начала до конца: разбирается в проблеме, исправляет то, что может, а если не может — передает проблему в Microsoft.
who-o-partner-support-step-1 = Свяжитесь с партнером и опишите, что не работает, с какого времени и у кого.
who-o-partner-support-step-2 = Партнер решит проблему или отправит за вас запрос на обслуживание в Microsoft.

who-o-partner-billing = На вопросы о счетах отвечает партнер
who-o-partner-billing-summary = Счета за подписки вам выставляет партнер, поэтому с вопросами о счете обращайтесь к нему.
who-o-partner-billing-step-1 = Свяжитесь с партнером, укажите номер счета и задайте свой вопрос.

who-o-partner-fixes = Проблему клиента решаете вы
who-o-partner-fixes-summary = Как партнер клиента вы имеете делегированные права администратора, поэтому можете напрямую поддерживать и настраивать его подписки и управлять ими.
who-o-partner-fixes-step-1 = В Центре партнеров выберите «Клиенты», затем нужного клиента и воспользуйтесь ссылками для администрирования его служб.
who-o-partner-fixes-step-2 = Проверьте работоспособность служб клиента и его инциденты со службами в Центре партнеров.

who-o-indirect-provider = Ваш косвенный поставщик передаст проблему в Microsoft
who-o-indirect-provider-summary = Как косвенный торговый посредник вы эскалируете проблемы через своего косвенного поставщика. Так же решаются споры по счетам и случаи мошенничества.
who-o-indirect-provider-step-1 = Попросите косвенного поставщика отправить запрос на обслуживание для вашего клиента.
who-o-indirect-provider-step-2 = Для Azure косвенный поставщик сначала должен предоставить вам доступ к учетной записи Azure клиента.

who-o-escalate-azure = Отправьте в Microsoft запрос на обслуживание Azure
who-o-escalate-azure-summary = Если вы не можете решить проблему клиента с Azure, отправьте за него запрос на обслуживание на портале Azure.
who-o-escalate-azure-step-1 = В Центре партнеров выберите «Клиенты», найдите клиента и выберите «Запросы на обслуживание», затем «Новый запрос» и «Azure».
who-o-escalate-azure-step-2 = В запросе выберите план поддержки «Cloud Solution Provider».
who-o-escalate-azure-step-3 = Укажите свои контактные данные, а не данные клиента.
who-o-escalate-step-severity = Выберите серьезность, которая соответствует влиянию на бизнес: от нее зависит, как быстро ответит Microsoft.

who-o-escalate-microsoft-365 = Отправьте запрос на обслуживание в центре администрирования
who-o-escalate-microsoft-365-summary = Для Microsoft 365, Dynamics 365 и Enterprise Mobility + Security отправляйте запрос на обслуживание за клиента через центр администрирования.
who-o-escalate-microsoft-365-step-1 = В Центре партнеров выберите «Клиенты», найдите клиента и выберите «Запросы на обслуживание», затем «Новый запрос» и «Office 365, Dynamics 365, Enterprise Mobility Suite».
who-o-escalate-microsoft-365-step-2 = Для Dynamics 365 нужен план Advanced Support for Partners или выше.

who-o-escalate-billing = Передайте проблему со счетом в Microsoft
who-o-escalate-billing-summary = Любой партнер по программе поставщиков облачных решений может передать в Microsoft коммерческие проблемы, например споры по счетам и мошенничество.
who-o-escalate-billing-step-1 = Отправьте запрос на обслуживание для клиента в Центре партнеров.
who-o-escalate-billing-step-2 = Опишите оспариваемые платежи или подозрение на мошенничество и укажите номера и даты счетов.

who-o-publisher = Продукт поддерживает издатель
who-o-publisher-summary = Продукты из коммерческого Marketplace поддерживает компания, которая их публикует, а не Microsoft.
who-o-publisher-step-1 = Откройте страницу продукта в Marketplace или на портале Azure.
who-o-publisher-step-2 = Воспользуйтесь контактами службы поддержки издателя, которые там указаны.

who-o-not-covered = Поддержка не распространяется на ваш собственный арендатор
who-o-not-covered-summary = Преимущество поддержки для партнеров по программе поставщиков облачных решений распространяется на ваших клиентов, но не на арендатор вашей компании.
who-o-not-covered-step-1 = Для проблем в собственном арендаторе используйте план поддержки, который ваша компания имеет в Microsoft.

## Severity levels

who-severity-a = A: критическая
who-severity-b = B: умеренная
who-severity-c = C: минимальная
who-severity-other = Другие инциденты

## Request summary (at the end of a walk, on every outcome page)

who-handoff-title = Сводка запроса
who-handoff-intro = Ваши ответы, готовые к отправке тому, кто решает вашу проблему. Заполните строки перед отправкой.
who-handoff-copy = Копировать сводку
who-handoff-copied = Сводка скопирована.
who-handoff-copy-failed = Не удалось скопировать. Выделите текст ниже и скопируйте его.
who-handoff-print = Печать
# "Отправить: <name>" avoids declining a company name.
who-handoff-send = Отправить: { $name }
who-handoff-cut-note = Сводка слишком длинная для одной ссылки на письмо, поэтому в письме сокращенная версия. При необходимости вставьте в него полный текст ниже.
who-handoff-subject = Запрос в поддержку: { $title }
who-handoff-include = Укажите в запросе
who-handoff-severity = Выбранная серьезность
who-handoff-walk = Эти ответы на сайте
who-handoff-cut = Сокращено, чтобы поместиться в ссылку на письмо. Полная сводка — на странице, с которой отправлено письмо.
who-handoff-cut-link = Сокращено, чтобы поместиться в ссылку на письмо. Полная сводка: { $url }

## What a good request contains

who-r-company = Название вашей компании
who-r-domain = Ваше доменное имя (например, contoso.onmicrosoft.com)
who-r-contact = Ваше имя, адрес электронной почты и номер телефона
who-r-service = Служба, о которой идет речь
who-r-what-happens = Что происходит, с текстом сообщений об ошибках
who-r-since = Когда это началось
who-r-who-affected = Кого это затрагивает: одного человека, группу или всех
who-r-tried = Что уже пробовали сделать
who-r-subscription-change = Какую подписку добавить или отменить и для скольких пользователей
who-r-when-effective = С какого момента изменение должно действовать
who-r-invoice = Номер и дата счета
who-r-billing-question = Ваш вопрос о счете и суммы, о которых идет речь

who-r-customer = Название компании клиента
who-r-customer-domain = Доменное имя клиента со страницы его учетной записи в Центре партнеров
who-r-product = Служба, о которой идет речь (для Azure — идентификатор подписки)
who-r-azure-subscription = Подписка Azure, для которой нужна поддержка (идентификатор подписки)
who-r-support-plan = План поддержки, выбранный в запросе (Cloud Solution Provider)
who-r-m365-service = Служба: Office 365, Dynamics 365 или Enterprise Mobility + Security
who-r-dynamics-plan = Для Dynamics 365: ваш план Advanced Support for Partners или выше
who-r-your-contact = Ваши собственные контактные данные, а не данные клиента
who-r-problem = Проблема, сообщения об ошибках и что затронуто
who-r-started = Когда это началось и происходит ли до сих пор
who-r-disputed = Оспариваемые платежи или предполагаемое мошенничество, с номерами и датами счетов
