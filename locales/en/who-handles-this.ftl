### signpost: the "Who handles this?" decision tree (English, the reference file).
### Message ids are named in content/who-handles-this.yaml.

## Page furniture

# Name of the tree: page title, header link, links from every page.
who-title = Who handles this?
# Under the title on the first question.
who-intro = Answer a few questions to find out who can help with your problem, and what to do next.
# Box on every support page that links to the tree.
who-teaser = Not sure who can help? Answer a few questions.
who-start-again = Start again
who-back = Back
# Link next to each earlier answer, to go back and answer that question differently.
who-change = Change
# Heading above the reader's earlier answers.
who-your-answers = Your answers
# Accessible name of the list of answers to the current question.
who-options-label = Answers
# Label before the name of who handles the problem on an outcome page.
who-handled-by = Who handles this
who-next-steps = What to do next
who-read-more = Read more
# Link to the diagram of the whole tree, and its page title.
who-overview = See all questions and answers at once
who-overview-title = All questions and answers
who-overview-intro = Every question and where each answer leads. Select a box to go to that step.
# Heading of the text version of the diagram.
who-overview-list = The same as a list
who-leads-to = leads to
who-response-times = First response times
who-severity = Severity
who-response = First response
# First response time. $hours is a whole number.
who-within-hours =
    { $hours ->
        [one] within { $hours } hour
       *[other] within { $hours } hours
    }
# First response time. $days is a whole number.
who-within-days =
    { $days ->
        [one] within { $days } business day
       *[other] within { $days } business days
    }
who-response-note = These times apply to support in English. There is no phone support.

## Who handles it

who-handler-you = You
who-handler-partner = Your partner
who-handler-indirect-provider = Your indirect provider
who-handler-microsoft = Microsoft, through a service request
who-handler-publisher = The product's publisher
who-handler-not-covered = Not covered by your partner agreement

## The partner's contact card (from site.yaml)

who-contact-title = Contact your partner
# Shown when the site has no partner details configured.
who-contact-neutral = Contact the partner you buy your Microsoft subscriptions from. You find their name on your invoice and in the Microsoft 365 admin center under Partner relationships.
who-contact-website = Support website
who-contact-email = Email
who-contact-phone = Phone
who-contact-hours = Service hours
who-contact-languages = Languages
who-contact-paid = Support from this partner may be charged.
who-contact-free = Support from this partner is included in your subscription.

## Questions and answers

who-q-role = Are you a customer or a partner?
who-q-role-hint = Customers buy Microsoft cloud services from a partner. Partners (Cloud Solution Providers) sell and support them.
who-a-role-customer = I'm a customer
who-a-role-partner = I'm a partner (Cloud Solution Provider)

who-q-customer-need = What do you need help with?
who-a-customer-configure = Setting up or managing a service I already have
who-a-customer-subscriptions = Buying more subscriptions or cancelling one
who-a-customer-not-working = Something isn't working
who-a-customer-billing = A question about my bill
who-a-customer-marketplace = A product I bought in the commercial marketplace

who-q-service-health = Does Service health show a problem with this service?
who-q-service-health-hint = Check Service health in the Microsoft 365 admin center or the Azure portal.
who-a-service-health-yes = Yes, there is a known problem
who-a-service-health-no = No, or I'm not sure

who-q-partner-need = What is the problem about?
who-a-partner-technical = A customer's technical problem
who-a-partner-billing = A billing dispute or suspected fraud
who-a-partner-marketplace = A customer's commercial marketplace product
who-a-partner-own-tenant = My own company's tenant

who-q-partner-can-fix = Can you fix it within your own support for the customer?
who-q-partner-can-fix-hint = Most configuration and admin tasks are: you have delegated admin rights in the customer's environment.
who-a-partner-can-fix-yes = Yes
who-a-partner-can-fix-no = No, it needs Microsoft

who-q-partner-reseller = How do you sell to this customer?
who-a-partner-reseller-indirect = As an indirect reseller, through an indirect provider
who-a-partner-reseller-direct = Directly (direct-bill partner)

who-q-partner-service = Which service is it about?
who-a-partner-service-azure = Azure
who-a-partner-service-m365 = Microsoft 365, Dynamics 365 or Enterprise Mobility + Security

## Outcomes

who-o-self-service = You can do this yourself
who-o-self-service-summary = You manage the services you already have, just as if you had bought them directly from Microsoft.
who-o-self-service-step-1 = Sign in to the Microsoft 365 admin center or the Azure portal.
who-o-self-service-step-2 = Check Service health and the Message Center for news about your services.
who-o-self-service-step-3 = For help with a product, start with the product's Support pages.

who-o-known-incident = Follow the known problem in Service health
who-o-known-incident-summary = Microsoft already knows about this problem and is working on it. You don't need to contact anyone.
who-o-known-incident-step-1 = Open the problem in Service health to see what is affected and when it was last updated.
who-o-known-incident-step-2 = If it isn't solved when Service health says it is, contact your partner.

who-o-partner-subscriptions = Your partner changes your subscriptions
who-o-partner-subscriptions-summary = To buy more subscriptions or cancel one, contact your Cloud Solution Provider partner. You can't change these subscriptions directly with Microsoft.
who-o-partner-subscriptions-step-1 = Tell your partner which subscription you want to add or cancel, and for how many users.
who-o-partner-subscriptions-step-2 = Your partner makes the change and tells you when it takes effect.

who-o-partner-support = Your partner helps you
who-o-partner-support-summary = Your partner supports you from start to finish: they look into the problem, fix what they can, and take it to Microsoft when they can't.
who-o-partner-support-step-1 = Contact your partner and describe what isn't working, since when, and for whom.
who-o-partner-support-step-2 = Your partner fixes it or opens a service request with Microsoft for you.

who-o-partner-billing = Your partner answers billing questions
who-o-partner-billing-summary = Your partner bills you for your subscriptions, so questions about your bill go to them.
who-o-partner-billing-step-1 = Contact your partner with your invoice number and your question.

who-o-partner-fixes = You fix it for your customer
who-o-partner-fixes-summary = As the customer's partner you have delegated admin rights, so you can support, configure and manage their subscriptions directly.
who-o-partner-fixes-step-1 = In Partner Center, select Customers and then the customer, and use the admin links for their services.
who-o-partner-fixes-step-2 = Check the customer's service health and their service incidents in Partner Center.

who-o-indirect-provider = Your indirect provider takes it to Microsoft
who-o-indirect-provider-summary = As an indirect reseller you escalate through your indirect provider. This is also the way for billing disputes and fraud.
who-o-indirect-provider-step-1 = Ask your indirect provider to submit a service request for your customer.
who-o-indirect-provider-step-2 = For Azure, your indirect provider must first give you access to the customer's Azure account.

who-o-escalate-azure = Submit an Azure service request to Microsoft
who-o-escalate-azure-summary = When you can't solve a customer's Azure problem, submit a service request for them in the Azure portal.
who-o-escalate-azure-step-1 = In Partner Center, select Customers, find the customer and select Service requests, then New request and Azure.
who-o-escalate-azure-step-2 = In the request, choose the support plan "Cloud Solution Provider".
who-o-escalate-azure-step-3 = Enter your own contact details, not your customer's.
who-o-escalate-step-severity = Choose the severity that matches the business impact; it sets how fast Microsoft responds.

who-o-escalate-microsoft-365 = Submit a service request in the admin center
who-o-escalate-microsoft-365-summary = For Microsoft 365, Dynamics 365 and Enterprise Mobility + Security, submit the service request for your customer through the admin center.
who-o-escalate-microsoft-365-step-1 = In Partner Center, select Customers, find the customer and select Service requests, then New request and Office 365, Dynamics 365, Enterprise Mobility Suite.
who-o-escalate-microsoft-365-step-2 = For Dynamics 365 you need an Advanced Support for Partners plan or higher.

who-o-escalate-billing = Escalate the billing problem to Microsoft
who-o-escalate-billing-summary = Every Cloud Solution Provider partner can escalate commercial problems, such as billing disputes and fraud, to Microsoft.
who-o-escalate-billing-step-1 = Submit a service request for the customer in Partner Center.
who-o-escalate-billing-step-2 = Describe the disputed charges or the suspected fraud, with invoice numbers and dates.

who-o-publisher = The publisher supports the product
who-o-publisher-summary = Products from the commercial marketplace are supported by the company that publishes them, not by Microsoft.
who-o-publisher-step-1 = Open the product's page in the marketplace or in the Azure portal.
who-o-publisher-step-2 = Use the publisher's support contact details listed there.

who-o-not-covered = Your own tenant is not covered
who-o-not-covered-summary = The support benefit for Cloud Solution Provider partners covers your customers, not your own company's tenant.
who-o-not-covered-step-1 = Use your own company's support plan with Microsoft for problems in your own tenant.

## Severity levels

who-severity-a = A: critical
who-severity-b = B: moderate
who-severity-c = C: minimal
who-severity-other = Other incidents

## Request summary (at the end of a walk, on every outcome page)

# Heading of the plain-text summary of the walk, shown in the reader's language and again in
# the hand-off language (site.yaml `handoff_language`, English by default).
who-handoff-title = Request summary
who-handoff-intro = Your answers, ready to send to whoever handles your problem. Fill in the lines before you send it.
# Buttons, shown only with JavaScript; without it the summary is plain text to select.
who-handoff-copy = Copy summary
who-handoff-copied = Summary copied.
who-handoff-copy-failed = Could not copy. Select the text below and copy it.
who-handoff-print = Print
# Link that opens the reader's mail program. $name is the partner's name or an e-mail address.
who-handoff-send = Send to { $name }
# Under the buttons when the e-mail link could not hold the whole summary.
who-handoff-cut-note = The summary is too long for one e-mail link, so the e-mail holds a shortened copy. Copy the full text below into it if you need to.
# Lines of the plain-text summary itself. $title is the outcome's title.
who-handoff-subject = Support request: { $title }
who-handoff-include = Include in your request
who-handoff-severity = Severity you chose
# Before the address of the walk's page (only when the site has a base_url).
who-handoff-walk = These answers online
# Last line of an e-mail whose summary was shortened; $url is the walk's page.
who-handoff-cut = Shortened to fit in an e-mail link. The full summary is on the page this was sent from.
who-handoff-cut-link = Shortened to fit in an e-mail link. The full summary: { $url }

## What a good request contains (the outcomes' `request:` lists), from the seed page
## report-problems-on-behalf-of-a-customer. Each is a line to fill in.

# A customer writing to their partner.
who-r-company = Your company name
who-r-domain = Your domain name (for example contoso.onmicrosoft.com)
who-r-contact = Your name, e-mail address and phone number
who-r-service = The service it is about
who-r-what-happens = What happens, with any error message
who-r-since = When it started
who-r-who-affected = Who is affected: one person, a team or everyone
who-r-tried = What has already been tried
who-r-subscription-change = The subscription to add or cancel, and for how many users
who-r-when-effective = When the change should take effect
who-r-invoice = Invoice number and date
who-r-billing-question = Your question about the bill, with the amounts involved

# A partner writing to their indirect provider or to Microsoft.
who-r-customer = Customer's company name
who-r-customer-domain = Customer's domain name, from their account page in Partner Center
who-r-product = The service it is about (for Azure, the subscription ID)
who-r-azure-subscription = Azure subscription that needs support (subscription ID)
who-r-support-plan = Support plan chosen in the request (Cloud Solution Provider)
who-r-m365-service = Service: Office 365, Dynamics 365 or Enterprise Mobility + Security
who-r-dynamics-plan = For Dynamics 365: your Advanced Support for Partners plan or higher
who-r-your-contact = Your own contact details, not the customer's
who-r-problem = The problem, with error messages and what is affected
who-r-started = When it started, and whether it still happens
who-r-disputed = The disputed charges or the suspected fraud, with invoice numbers and dates
