//! The seed campaign: "Ask your MP to support the Secondary Support Package", in English,
//! with its Welsh text from `lang/cy.json`.

use super::model::{ApiConfig, Campaign, Link, Section, Statistic, Story};
use crate::letter::LetterTemplate;

fn s(text: &str) -> String {
    text.to_owned()
}

impl Default for Campaign {
    /// The seed campaign: "Ask your MP to support the Secondary Support Package".
    fn default() -> Self {
        Campaign {
            schema: None,
            headline: s("Ask your MP to support the Secondary Support Package"),
            intro: vec![
                s("While we offer unique services for women with secondary breast cancer, we know that most people are still not receiving the ongoing, specialised support they need when they are diagnosed with this disease."),
                s("Ask your MP to support the Secondary Support Package that will ensure people living with secondary breast cancer access the vital care they need."),
            ],
            statistics_heading: s("The need for better care"),
            statistics: vec![
                Statistic {
                    figure: s("72%"),
                    share: 0.72,
                    text: s("of hospital organisations in England, Scotland and Wales do not give people access to a dedicated secondary breast care nurse."),
                },
                Statistic {
                    figure: s("Two fifths"),
                    share: 0.4,
                    text: s("of hospital organisations across the UK could not tell us how many secondary breast cancer patients are currently under their care."),
                },
                Statistic {
                    figure: s("70%"),
                    share: 0.7,
                    text: s("of hospital organisations across the UK do not assess people\u{2019}s emotional and physical needs when diagnosed and as their treatment changes."),
                },
            ],
            story: Some(Story {
                quote: s("My whole life and the lives of those around me fell apart and changed forever. Following my diagnosis, in the space of a 20-minute consultation, I felt I lost my identity and my future with those I love."),
                attribution: s("Jo, diagnosed aged 40"),
            }),
            proposal: Some(Section {
                heading: s("A Secondary Support Package for everyone"),
                text: s("We want everyone diagnosed to have a Secondary Support Package embedded in their treatment. It would ensure that everyone:"),
                points: vec![
                    s("has a discussion about their physical and emotional needs with a healthcare professional"),
                    s("has access to a nurse specialist"),
                    s("is referred to specialist services if needed"),
                    s("can access a health and wellbeing event"),
                ],
            }),
            ask: Section {
                heading: s("Incurable shouldn\u{2019}t mean unsupported"),
                text: s("We want everyone with secondary breast cancer to have access to a Secondary Support Package from the point of diagnosis to help them to live well with breast cancer. Ask your MP to support the package today."),
                points: Vec::new(),
            },
            letter: LetterTemplate::default(),
            links: vec![
                Link {
                    heading: s("Download our reports"),
                    text: s("Throughout our Secondary. Not Second Rate. campaign we\u{2019}ve put together reports of the standards of care for people living with secondary breast cancer."),
                    label: s("Download our reports"),
                    href: s("https://breastcancernow.org/about-us/campaigns/"),
                },
                Link {
                    heading: s("Get support for living with secondary breast cancer"),
                    text: s("If you\u{2019}ve had a secondary breast cancer diagnosis and would like information or support, find out more about our Living With Secondary Breast Cancer meet-ups."),
                    label: s("Find out more"),
                    href: s("https://breastcancernow.org/support-for-you/"),
                },
            ],
            api: ApiConfig::default(),
            test_recipient: None,
            languages: crate::text::welsh_data()
                .get("campaign")
                .map(|welsh| vec![("cy".to_owned(), welsh.clone())])
                .unwrap_or_default(),
            strings: Vec::new(),
        }
    }
}
