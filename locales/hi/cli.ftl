# The l10n command line: every message a user reads.
# Variables: $path is a file path, $line and $column are 1-based numbers,
# $reason is a technical explanation (often in English, from the system).

## Errors (the run stops, exit status 2)

error-prefix = त्रुटि:
error-read = { $path }: फ़ाइल पढ़ी नहीं जा सकी: { $reason }
error-is-directory = { $path }: यह फ़ोल्डर है, फ़ाइल नहीं
error-not-utf8 = { $path }:{ $line }: यह फ़ाइल UTF-8 टेक्स्ट नहीं है; इसे UTF-8 में बदलकर फिर से कोशिश करें
error-binary = { $path }:{ $line }: यह बाइनरी फ़ाइल है, टेक्स्ट दस्तावेज़ नहीं
error-empty = { $path }: फ़ाइल खाली है: इसमें अनुवाद करने के लिए कुछ नहीं है
error-unknown-format = { $path }: अज्ञात दस्तावेज़ फ़ॉर्मैट; l10n .txt, .md, .markdown, .html, .htm और .ftl फ़ाइलें पढ़ता है
error-parse = { $path }:{ $line }:{ $column }: { $reason }
error-config = { $path }: { $reason }
error-locale-malformed = “{ $tag }” मान्य भाषा टैग नहीं है (उदाहरण: ar, hi, zh, pt-BR)
error-locale-unknown = “{ $tag }” ऐसी भाषा नहीं है जिसे l10n जानता हो (उदाहरण: ar, hi, zh, pt-BR)
error-no-targets = कोई लक्ष्य भाषा नहीं दी गई: --to दें (उदाहरण के लिए --to ar,hi,zh) या l10n.toml में targets सेट करें
error-unknown-backend = अज्ञात बैकएंड “{ $name }”; ज्ञात बैकएंड: { $known }
error-memory = { $path }: अनुवाद मेमोरी का उपयोग नहीं किया जा सकता: { $reason }
error-memory-locked = { $path }: अनुवाद मेमोरी को किसी दूसरी प्रक्रिया ने लॉक किया है और वह लॉक ही रही; उस प्रक्रिया के पूरा होने पर फिर से कोशिश करें
error-memory-foreign = { $path }: यह फ़ाइल l10n की अनुवाद मेमोरी नहीं है (कोई बाहरी या ख़राब फ़ाइल); इसमें कोई बदलाव नहीं किया गया
error-memory-too-new = { $path }: इस मेमोरी का स्कीमा संस्करण { $found } है, जो इस l10n द्वारा समर्थित संस्करण ({ $supported }) से नया है; l10n को अपग्रेड करें
error-write = { $path }: लिखा नहीं जा सका: { $reason }
error-engine = इंजन { $engine }: { $reason }

## translate

translate-edition-written = { $locale }: लिखा गया: { $path }
translate-edition-withheld = { $locale }: संस्करण नहीं लिखा गया: { $missing ->
        [one] { $missing } खंड का अनुवाद नहीं हुआ है
       *[other] { $missing } खंडों का अनुवाद नहीं हुआ है
    } (अंग्रेज़ी वाक्यों को चिह्नित करके इसे लिखने के लिए --allow-partial का उपयोग करें)
translate-missing-segment = { $path }:{ $line }: { $locale } में अनुवाद नहीं हुआ: { $source }
translate-needs-review = { $path }:{ $line }: { $locale } में समीक्षा ज़रूरी ({ $reason }): { $source }
translate-engine-stopped = { $locale }: { $reason }
translate-interrupted = बीच में रोका गया: अब तक मिले सभी अनुवाद मेमोरी में सुरक्षित हैं; जारी रखने के लिए वही कमांड फिर से चलाएँ

## memory

memory-imported = { $path }: { $count ->
        [one] { $count } अनुवाद आयात किया गया
       *[other] { $count } अनुवाद आयात किए गए
    }
memory-import-unchanged = { $path }: पहले ही आयात किया जा चुका है, कुछ नहीं बदला
memory-stats-header = भाषा	स्रोत	स्थिति	प्रविष्टियाँ
memory-stats-empty = मेमोरी खाली है
memory-import-no-source = { $path }: किसी भी इकाई में स्रोत भाषा { $locale } का रूप नहीं है

## check

check-severity-error = त्रुटि
check-severity-warning = चेतावनी
check-missing-file = { $locale } में फ़ाइल मौजूद नहीं है: { $file }
check-missing-message = संदेश “{ $id }” मौजूद नहीं है
check-missing-term = टर्म “{ $id }” मौजूद नहीं है
check-missing-attribute = “{ $id }” का एट्रिब्यूट “{ $attribute }” मौजूद नहीं है
check-obsolete-message = “{ $id }” संदर्भ भाषा { $reference } में नहीं है: यह अप्रचलित है
check-obsolete-attribute = “{ $id }” का एट्रिब्यूट “{ $attribute }” संदर्भ भाषा में नहीं है
check-syntax-error = सिंटैक्स त्रुटि: { $reason }
check-duplicate-id = “{ $id }” दो बार परिभाषित है
check-unknown-variable = “{ $id }” वेरिएबल ${ $variable } का उपयोग करता है, जो संदर्भ में नहीं है
check-unused-variable = “{ $id }” संदर्भ के वेरिएबल ${ $variable } का उपयोग नहीं करता
check-unknown-reference = “{ $id }” में “{ $target }” का संदर्भ है, जो मौजूद नहीं है
check-no-default-variant = “{ $id }” में ऐसा सिलेक्ट एक्सप्रेशन है जिसका कोई डिफ़ॉल्ट वेरिएंट नहीं है
check-empty-value = “{ $id }” का मान खाली है
check-summary = { $locale }: { $messages } संदेश, { $missing } अनुपस्थित, { $errors ->
        [one] { $errors } त्रुटि
       *[other] { $errors } त्रुटियाँ
    }, { $warnings ->
        [one] { $warnings } चेतावनी
       *[other] { $warnings } चेतावनियाँ
    }
check-no-locales = { $path }: कोई भाषा फ़ोल्डर नहीं मिला (हर भाषा के लिए एक फ़ोल्डर अपेक्षित है, जैसे en-US/ और ar/)
check-clean = कोई समस्या नहीं मिली

## helper plan

error-no-project = यहाँ कोई प्रोजेक्ट नहीं है (इस फ़ोल्डर या इसके ऊपर कोई l10n.toml नहीं): प्रोजेक्ट शुरू करने के लिए “l10n init” चलाएँ, या दस्तावेज़ और भाषाएँ (--to) बताएँ
error-no-documents = { $path }: कोई दस्तावेज़ नहीं: उन्हें कमांड लाइन पर बताएँ, या इस फ़ाइल में documents में सूचीबद्ध करें
plan-locale-summary = { $path } → { $locale }: { $segments ->
        [one] एक खंड
       *[other] { $segments } खंड
    } — { $backend ->
        [memory] { $memory } मेमोरी से
        [human] { $memory } मेमोरी से
       *[other] { $memory } मेमोरी से, { $engine } { $backend } से
    }, { $missing } अनुपलब्ध
plan-requests = { $count ->
        [0] { $backend } को कुछ नहीं भेजा गया: मेमोरी में सब कुछ था
        [one] { $backend } को एक अनुरोध भेजा गया
       *[other] { $backend } को { $count } अनुरोध भेजे गए
    }
plan-terms-summary = { $locale }: शब्दावली: { $expected ->
        [one] एक शब्द अपेक्षित
       *[other] { $expected } शब्द अपेक्षित
    }, { $found } मिले, { $repaired } सुधारे गए, { $failing } विफल
plan-pseudo-notice = ये संस्करण छद्म-स्थानीयकृत हैं (लेआउट जाँचने के लिए बदले हुए, लंबे किए गए अक्षर), अनूदित नहीं: असली इंजन चुनें --backend deepl, google, azure, libretranslate या openai से, या l10n.toml में backend सेट करें
plan-dry-run-locale = { $locale }: { $segments ->
        [one] एक नया वाक्य
       *[other] { $segments } नए वाक्य
    } ({ $chars } अक्षर) { $backend } को जाएँगे, { $memory } मेमोरी से ({ $documents ->
        [one] एक दस्तावेज़
       *[other] { $documents } दस्तावेज़
    })
plan-progress-finished = { $locale }: { $done }/{ $total } खंड { $seconds } सेकंड में

## helper check
check-missing-plural = “{ $id }” में { $locale } की बहुवचन श्रेणियों { $categories } के लिए कोई रूप नहीं है
check-plural-default-only = “{ $id }” संख्या के आधार पर चुनता है, पर { $locale } की बहुवचन श्रेणियों { $categories } के लिए केवल डिफ़ॉल्ट रूप है
check-missing-value = “{ $id }” के एट्रिब्यूट बचे हैं, पर उसका मान खो गया है
check-missing-term-reference = “{ $id }” संदर्भ में प्रयुक्त शब्द { $target } को छोड़ देता है
check-missing-message-reference = “{ $id }” संदर्भ में प्रयुक्त { $target } का हवाला छोड़ देता है
check-obsolete-file = { $file } संदर्भ भाषा में नहीं है: { $locale } में पूरी फ़ाइल अप्रचलित है
error-locale-unsupported = “{ $tag }” समर्थित नहीं है: l10n चीनी केवल सरलीकृत अक्षरों में लिखता है (zh, zh-Hans)। अपने टाइपोग्राफ़ी और वाक्य नियमों वाली भाषाएँ: { $supported }; अन्य भाषाओं पर सामान्य नियम लागू होते हैं
error-locale-same-as-source = “{ $tag }” स्रोत भाषा ही है: उसमें अनुवाद करने को कुछ नहीं है (en-GB जैसा क्षेत्रीय रूप स्वीकार्य है)
error-locale-suggest = ; क्या आपका मतलब “{ $tag }” था?
io-not-found = ऐसी कोई फ़ाइल या फ़ोल्डर नहीं है
io-permission-denied = अनुमति नहीं है
io-already-exists = यह पहले से मौजूद है
io-storage-full = डिस्क भर गई है
io-read-only = फ़ाइल सिस्टम केवल पढ़ने के लिए है
io-is-a-directory = यह फ़ोल्डर है, फ़ाइल नहीं
io-not-a-directory = पथ का एक हिस्सा फ़ोल्डर नहीं है
io-directory-not-empty = फ़ोल्डर ख़ाली नहीं है
io-invalid-data = डेटा मान्य नहीं है
io-unexpected-eof = फ़ाइल समय से पहले ख़त्म हो जाती है
io-timed-out = कार्य का समय समाप्त हो गया
io-connection-refused = कनेक्शन अस्वीकार कर दिया गया
io-interrupted = कार्य बाधित हुआ
io-out-of-memory = मेमोरी समाप्त हो गई
io-file-too-large = फ़ाइल बहुत बड़ी है
io-busy = फ़ाइल या डिवाइस व्यस्त है
io-invalid-filename = फ़ाइल का नाम मान्य नहीं है
clap-usage = उपयोग: { $usage }
clap-options = विकल्प
clap-arguments = आर्ग्युमेंट
clap-commands = कमांड
clap-placeholder-command = कमांड
clap-print-help = सहायता दिखाएँ
clap-print-version = संस्करण दिखाएँ
clap-unknown-argument = अनपेक्षित आर्ग्युमेंट “{ $arg }”
clap-unknown-command = अज्ञात कमांड “{ $name }”
clap-invalid-value = { $arg } के लिए अमान्य मान “{ $value }”
clap-missing-argument = एक आवश्यक आर्ग्युमेंट नहीं दिया गया: { $arg }
clap-invalid = कमांड लाइन मान्य नहीं है ({ $detail })
clap-valid-values = ; संभव मान: { $values }
clap-did-you-mean = ; क्या आपका मतलब “{ $suggestion }” था?
clap-try-help = अधिक जानकारी के लिए “--help” आज़माएँ।
clap-heading = { $heading }:
clap-help-command = यह संदेश या दिए गए उप-कमांड की सहायता दिखाएँ
clap-help-path = दिए गए उप-कमांड की सहायता दिखाएँ
clap-default = [डिफ़ॉल्ट: { $value }]
clap-possible-values = [संभव मान: { $values }]
clap-possible-values-heading = संभव मान
clap-possible-value = - { $value }: { $help }
error-empty-folder = { $path }: इस फ़ोल्डर में अनुवाद के लिए कोई दस्तावेज़ नहीं है (फ़ोल्डर पूरा लिया जाता है, या जैसा l10n.toml में `[layout] include`/`exclude` बताते हैं)
translate-not-extracted = { $path }:{ $line }: निकाला नहीं गया, { $locale } में स्रोत भाषा में ही रहा (अनुपलब्ध गिना गया): { $source }
segment-not-extracted = { $path }:{ $line }: निकाला नहीं गया, यह स्रोत भाषा में ही रहेगा (अनुपलब्ध गिना गया): { $what }
