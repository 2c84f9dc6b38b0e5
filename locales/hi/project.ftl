# Project commands: init, status and the HTML status report.

init-exists = { $path } पहले से मौजूद है; l10n init किसी प्रोजेक्ट फ़ाइल को कभी अधिलेखित नहीं करता
init-ask-source = आपके दस्तावेज़ों की स्रोत भाषा
init-ask-targets = लक्ष्य भाषाएँ, अल्पविराम से अलग
init-ask-backend = अनुवाद इंजन (pseudo, memory, human, deepl, google, azure, libretranslate, openai)
init-done = { $path }: प्रोजेक्ट बन गया; अपनी शब्दावलियाँ l10n.toml में glossary के अंतर्गत सूचीबद्ध करें (glossary/ की फ़ाइलें केवल सूचीबद्ध होने पर उपयोग होती हैं) और l10n translate चलाएँ
status-line = { $path } { $locale }: { $complete }% पूर्ण — { $segments } खंड: { $human } लोगों द्वारा, { $machine } मशीन द्वारा, { $reviewed } समीक्षित, { $missing } बाकी (अनुवाद के लिए { $words } शब्द), शब्दावली की { $failing } समस्याएँ
report-title = अनुवाद की स्थिति
report-reviewed = समीक्षित
report-human = लोगों द्वारा अनूदित
report-machine = मशीनी अनुवाद
report-needs-review = समीक्षा आवश्यक
report-missing = बाकी
report-source = स्रोत
report-locale-line = { $complete }% पूर्ण, { $missing } बाकी ({ $words } शब्द), शब्दावली की { $failing } समस्याएँ
