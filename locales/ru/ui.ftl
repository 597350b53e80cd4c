### signpost: interface strings (Russian).
### The comments in ../en/ui.ftl say where each message shows.

## Site header and navigation

site-title = Поддержка
site-tagline = Помощь по Microsoft 365 и Azure для клиентов и партнеров
skip-to-content = Перейти к содержимому
language-switcher-label = Язык
breadcrumb-label = Навигационная цепочка
breadcrumb-home = Главная

## Page furniture

toc-title = На этой странице
last-updated = Обновлено: { $date }
reading-time =
    { $minutes ->
        [one] { $minutes } минута чтения
        [few] { $minutes } минуты чтения
        [many] { $minutes } минут чтения
       *[other] { $minutes } минуты чтения
    }
page-count =
    { $count ->
        [one] { $count } страница
        [few] { $count } страницы
        [many] { $count } страниц
       *[other] { $count } страницы
    }

## Sections

section-self-support = Самостоятельное решение
section-self-support-intro = Что можно сделать самостоятельно в Центре администрирования Microsoft 365 или на портале Azure.
section-escalation = Эскалация
section-escalation-intro = Какие задачи партнеры берут на себя и когда передавать обращение в Microsoft.
section-empty = В этом разделе пока нет страниц.

## Home page of a language

home-title = Чем мы можем помочь?
home-intro = Ответы на вопросы о Microsoft 365 и Azure для клиентов и партнеров.

## Callout boxes

alert-note = Примечание
alert-tip = Совет
alert-important = Важно
alert-warning = Предупреждение
alert-caution = Внимание

## Links and images

image-missing = Изображение:
link-other-language = Страница на другом языке: { $language }
link-unavailable = Эта страница недоступна

## Page not found (404)

not-found-title = Страница не найдена
not-found-text = Возможно, страница была перемещена или удалена. Проверьте адрес или начните с главной страницы.
not-found-home = Перейти на главную страницу

## Language chooser

chooser-title = Выберите язык
chooser-intro = Справка доступна на следующих языках.

## Footer

footer-attribution = Содержимое: документация Центра партнеров © Microsoft Corporation и участники сообщества, лицензия CC BY 4.0.
footer-generated = Сайт создан с помощью signpost

## Dates

date-long = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

## Planned features

machine-translated-notice = Эта страница переведена автоматически.
show-original = Показать оригинал на английском
outdated-notice = Этот перевод может быть устаревшим.
fallback-notice = Эта страница ещё не переведена на русский язык. Ниже — версия на { $source ->
        [en] английском
        [nl] нидерландском
        [pl] польском
       *[other] исходном
    } языке.
reconstructed-notice = Эта английская страница восстановлена по исходному тексту перевода.

## Translations and status

english-version-link = Читать версию на английском

outdated-link = Читать актуальную версию

reconstructed-source-link = Открыть перевод, из которого она получена

translation-delivered = Перевод получен { $date }

switcher-fallback = ещё не переведено

status-link = Состояние переводов

status-title = Состояние переводов

status-intro = Каждая страница на каждом языке: кто её перевёл, актуальна ли она и каких строк интерфейса не хватает.

status-page = Страница

status-human = Человек

status-machine = Машинный

status-reconstructed = Восстановлена

status-fallback = Замена

status-stale = Устарела

status-totals = Итоги по языкам

status-ui-strings = Строки интерфейса

status-language = Язык

status-missing-keys = { $count ->
        [0] Все на месте
        [one] Не хватает { $count } строки
        [few] Не хватает { $count } строк
        [many] Не хватает { $count } строк
       *[other] Не хватает { $count } строки
    }

## Поиск

search-label = Поиск по страницам справки
search-placeholder = Например: отменить подписку
search-button = Найти
search-title = Поиск
search-loading = Идёт поиск…
search-results =
    { $count ->
        [one] { $count } результат
        [few] { $count } результата
        [many] { $count } результатов
       *[other] { $count } результата
    }
search-no-results = Ничего не найдено. Попробуйте другие слова или посмотрите список ниже.
search-failed = Не удалось загрузить индекс поиска, поэтому поиск по вашему запросу не выполнен. Посмотрите список ниже.
search-az = Все страницы от А до Я
search-needs-js = Для поиска нужен JavaScript. Ниже перечислены все страницы по алфавиту.

## Feedback and editing

feedback-question = Была ли эта страница полезной?
feedback-yes = Да
feedback-no = Нет
feedback-reasons-title = Что было не так?
feedback-reason-inaccurate = Информация неверна
feedback-reason-hard-to-understand = Трудно понять
feedback-reason-translation = Проблема с переводом
feedback-reason-missing-information = Не хватает информации
feedback-reason-other = Другое
feedback-thanks = Спасибо за отзыв!
feedback-report-translation = Сообщить о проблеме с переводом
feedback-report-passage = Сообщить об ошибке в этом переводе
feedback-mail-subject = Отзыв о странице «{ $title }»
edit-page = Редактировать эту страницу
## Sentence-level staleness
outdated-segments = С момента этого перевода в английском тексте изменено: { $changed } из { $total } { $total ->
        [one] фрагмента
       *[other] фрагментов
    }.
outdated-new-passages = В этом переводе нет { $count ->
        [one] { $count } английского фрагмента
       *[other] { $count } английских фрагментов
    }:
changed-in-english = Изменено в английском тексте. Сейчас:
removed-in-english = Этого больше нет в английском тексте.
status-qa = Проверка перевода
status-segments = Сегментов: { $total }; изменено: { $changed }, новых: { $new }, удалено: { $removed }
status-qa-findings = Проверка перевода: { $count } { $count ->
        [one] замечание
        [few] замечания
       *[many] замечаний
    }
