//! What must pass through translation verbatim: inline code, link targets and URLs,
//! `{{placeholders}}`, `:::no-loc` text; and bold UI labels, whose count must match.

use super::{Finding, Pair, Rule, listed, missing};

pub fn code(pair: &Pair) -> Option<Finding> {
    let lost = missing(&pair.en.code, &pair.lo.code);
    (!lost.is_empty()).then(|| Finding {
        rule: Rule::Code,
        reason: format!(
            "inline code translated or changed: English {} is not in the translation",
            listed(&lost)
        ),
    })
}

/// A link target with its locale folder (`/en-us/`, `/nl-nl/`) taken out: pointing a
/// translation at its own language's docs is localization, not damage.
fn unlocalized(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for (n, part) in url.split('/').enumerate() {
        let b = part.as_bytes();
        let locale = b.len() == 5
            && b[2] == b'-'
            && b[..2].iter().all(u8::is_ascii_alphabetic)
            && b[3..].iter().all(u8::is_ascii_alphabetic);
        if n > 0 {
            out.push('/');
        }
        if !locale {
            out.push_str(&part.to_ascii_lowercase());
        }
    }
    out
}

pub fn urls(pair: &Pair) -> Option<Finding> {
    let en: Vec<String> = pair.en.urls.iter().map(|u| unlocalized(u)).collect();
    let lo: Vec<String> = pair.lo.urls.iter().map(|u| unlocalized(u)).collect();
    let lost = missing(&en, &lo);
    if lost.is_empty() {
        return (pair.lo.empty_links > pair.en.empty_links).then(|| Finding {
            rule: Rule::Urls,
            reason: "link text lost: the translation has a link with no text".into(),
        });
    }
    let reason = if pair.lo.urls.is_empty() {
        format!(
            "link lost: the translation has no link, English links {}",
            listed(&lost)
        )
    } else {
        format!(
            "link target changed: English {} is not in the translation",
            listed(&lost)
        )
    };
    Some(Finding {
        rule: Rule::Urls,
        reason,
    })
}

pub fn placeholders(pair: &Pair) -> Option<Finding> {
    let lost = missing(&pair.en.placeholders, &pair.lo.placeholders);
    (!lost.is_empty()).then(|| Finding {
        rule: Rule::Placeholders,
        reason: format!(
            "placeholder altered: {} is not in the translation",
            listed(&lost)
        ),
    })
}

pub fn no_loc(pair: &Pair) -> Option<Finding> {
    let lost = missing(&pair.en.no_loc, &pair.lo.no_loc);
    (!lost.is_empty()).then(|| Finding {
        rule: Rule::NoLoc,
        reason: format!(
            "do-not-translate text altered: :::no-loc {} is not in the translation",
            listed(&lost)
        ),
    })
}

pub fn bold(pair: &Pair) -> Option<Finding> {
    (pair.en.bold != pair.lo.bold).then(|| Finding {
        rule: Rule::Bold,
        reason: format!(
            "bold UI labels: English has {}, the translation {}",
            pair.en.bold, pair.lo.bold
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Real segments from ../shared/corpus unless said otherwise.
    const INSTALL: &str = "While the **Az.Marketplace** PowerShell module is in preview, you must install it separately using the `Install-Module` cmdlet.";

    #[test]
    fn code() {
        let kept = "Hoewel de Power shell-module **AZ. Marketplace** in preview is, moet u deze afzonderlijk installeren met behulp van de `Install-Module` cmdlet.";
        assert_eq!(super::code(&Pair::new(INSTALL, kept)), None);
        // The corpus's MT kept every code span; this is the same sentence with it translated.
        let translated = kept.replace("`Install-Module`", "`Installeer-Module`");
        let f = super::code(&Pair::new(INSTALL, &translated)).expect("translated code");
        assert!(f.reason.contains("`Install-Module`"));
    }

    #[test]
    fn urls() {
        let en = "Go to https://portal.azure.com/[customerdomainname].";
        let broken = "Przejdź do https://portal.azure.com/ [customerdomainname].";
        assert!(super::urls(&Pair::new(en, broken)).is_some());
        let en = "The Partner Center software and license key fulfillment capability will be retired - see [announcement](./2020-september.md#17) - and partners will point customers to use the Microsoft 365 Admin Center exclusively for this purpose going forward.";
        let no_text = "De Partner Center software- en licentiesleutelafhandelingsmogelijkheid [](./2020-september.md#17) wordt ingetrokken - zie de aankondiging - en partners zullen klanten in de toekomst laten weten dat ze het Microsoft 365-beheercentrum uitsluitend voor dit doel gebruiken.";
        let f = super::urls(&Pair::new(en, no_text)).expect("empty link text");
        assert!(f.reason.contains("link text lost"));
        // Near miss: a link pointed at the reader's locale is localization.
        let en = "See [Learn](https://docs.microsoft.com/en-us/partner-center/x).";
        let lo = "Zie [Learn](https://docs.microsoft.com/nl-nl/partner-center/x).";
        assert_eq!(super::urls(&Pair::new(en, lo)), None);
        let en = "When customers need help with products, they can find product resources on [Support](https://partnercenter.microsoft.com/partner/support).";
        let lo = "Wanneer klanten hulp nodig hebben met producten, kunnen ze productbronnen vinden op [Ondersteuning](https://partnercenter.microsoft.com/partner/support).";
        assert_eq!(super::urls(&Pair::new(en, lo)), None);
    }

    #[test]
    fn placeholders() {
        let en = "{baseURL}/v1/customers/{customer-id}/subscriptions/{subscription-id}/conversions";
        let lo = "{baseURL}/v1/customers/{identyfikator-klienta}/subscriptions/{subscription-id}/conversions";
        let f = super::placeholders(&Pair::new(en, lo)).expect("translated placeholder");
        assert!(f.reason.contains("{customer-id}"));
        let en = "**{serialNumber},,,Microsoft Corporation,Surface Laptop**";
        let lo = "**{serialNumber},,, корпорация Майкрософт, портативный компьютер**";
        assert_eq!(super::placeholders(&Pair::new(en, lo)), None);
    }

    #[test]
    fn no_loc() {
        // The corpus's :::no-loc text (a Belarus tax id name) stands outside pairs; here it is
        // inside one, kept and then transliterated.
        let en = r#"9 digits :::no-loc text="УНП":::"#;
        assert_eq!(
            super::no_loc(&Pair::new(en, r#"9 cijfers :::no-loc text="УНП":::"#)),
            None
        );
        assert!(super::no_loc(&Pair::new(en, r#"9 cijfers :::no-loc text="UNP":::"#)).is_some());
    }

    #[test]
    fn bold() {
        let en = "After the customer accepts your invitation, they'll appear on your **Customers** page, and you'll be able to provision and manage the service for the customer from there.";
        let lo = "Gdy klient zaakceptuje zaproszenie, pojawi się  na stronie Klienci, a ty będziesz w stanie aprowizować usługę dla klienta i zarządzać jej od tej strony.";
        let f = super::bold(&Pair::new(en, lo)).expect("label lost");
        assert!(f.reason.contains("English has 1, the translation 0"));
        assert_eq!(
            super::bold(&Pair::new("**Applies to**", "**Van toepassing op**")),
            None
        );
    }
}
