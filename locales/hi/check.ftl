## l10n check: दस्तावेज़ और संस्करण, और सारांश तालिका

check-untranslated-segment = कोई अनुवाद नहीं: “{ $source }”
check-stale-segment = वर्तमान पाठ का कोई अनुवाद नहीं: “{ $source }”; मेमोरी में केवल पिछले संस्करण का अनुवाद है: “{ $previous }”
check-placeholder-mismatch = “{ $source }” का अनुवाद उसके प्लेसहोल्डर नहीं रखता (खोए: { $lost }; जोड़े गए: { $extra })
check-below-required-state = “{ $source }” का अनुवाद { $state } स्थिति में है ({ $origin }); { $required } आवश्यक है
check-number-mismatch = अनुवाद में { $numbers } नहीं है: “{ $target }”
check-typography = “{ $found }” जहाँ यह भाषा “{ $expected }” लिखती है: “{ $target }”
check-length-outlier = अनुवाद स्रोत की लंबाई का { $ratio } गुना है, अपेक्षित { $low }–{ $high } से बाहर: “{ $target }”
check-term-missing = शब्दावली पद { $concept } नहीं मिला: अपेक्षित “{ $term }”
check-term-forbidden = वर्जित पद “{ $term }” (शब्दावली { $concept })

check-column-locale = भाषा
check-column-messages = पाठ
check-column-missing = अनुपस्थित
check-column-errors = त्रुटियाँ
check-column-warnings = चेतावनियाँ
check-column-words = अनुवाद हेतु शब्द
check-column-completion = पूर्ण
check-not-extracted = निकाला नहीं गया, यह स्रोत भाषा में ही रहता है: { $what }
check-markup-repaired = { $reason }; निकालने वाले ने इसे ठीक किया (टैग जैसा था वैसा रखा गया), स्रोत ठीक करें
