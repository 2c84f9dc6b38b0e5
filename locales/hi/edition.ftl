# संस्करण का ढाँचा: लेख के आसपास पाठक जो देखता है।

edition-language-self = हिन्दी
edition-original = मूल
edition-switcher = यह लेख इस भाषा में पढ़ें
edition-date = { $date } को प्रकाशित
edition-site = { $site }
edition-notice-machine = { $engine } द्वारा मशीनी अनुवाद, किसी व्यक्ति ने समीक्षा नहीं की।
edition-notice-pseudo = लेआउट जाँचने के लिए छद्म-स्थानीयकृत पाठ: यह अनुवाद नहीं है।
edition-notice-machine-reviewed = { $engine } द्वारा मशीनी अनुवाद, एक व्यक्ति ने समीक्षा की।
edition-notice-human = लोगों द्वारा अनुवादित, अभी समीक्षा नहीं हुई।
edition-notice-human-reviewed = लोगों द्वारा अनुवादित और समीक्षित।
edition-notice-mixed = लोगों और { $engine } द्वारा अनुवादित: लोगों द्वारा अनूदित वाक्य: { $total } में से { $human }।

# जब टूल पेज लिखता है।
translate-page-written = { $locale }: पेज लिखा गया: { $path }

## helper check
edition-switcher-heading = यह लेख इस भाषा में पढ़ें:
