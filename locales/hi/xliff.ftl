# अनुवादकों के लिए XLIFF निर्यात और आयात।

xliff-exported = { $path }: { $count ->
        [one] { $locale } के लिए एक इकाई
       *[other] { $locale } के लिए { $count } इकाइयाँ
    }
xliff-export-nothing = { $path }: { $locale } के लिए निर्यात करने को कुछ नहीं
xliff-human-handoff = { $locale }: { $count ->
        [one] मेमोरी में एक वाक्य नहीं है; उसे अनुवादकों के लिए निर्यात किया गया
       *[other] मेमोरी में { $count } वाक्य नहीं हैं; उन्हें अनुवादकों के लिए निर्यात किया गया
    }
xliff-import-summary = { $path }: { $imported } आयात, { $unchanged } अपरिवर्तित, { $empty } खाली, { $rejected } अस्वीकृत
xliff-rejected = { $path }:{ $line }: इकाई { $unit } अस्वीकृत: { $reason }
xliff-reject-unknown-document = फ़ाइल “{ $original }” की है, जो परियोजना का दस्तावेज़ नहीं है (--document से दें)
xliff-reject-source-changed = इसका स्रोत पाठ बदला गया है; यह अब उस वाक्य से मेल नहीं खाता जिसके लिए निर्यात हुआ था
xliff-reject-unknown-segment = दस्तावेज़ में इस स्रोत पाठ वाला कोई वाक्य नहीं है
xliff-reject-language = भाषा { $found } { $expected } से मेल नहीं खाती
xliff-reject-codes = अनुवाद के इनलाइन कोड स्रोत के कोड से भिन्न हैं ({ $detail })

## helper check
xliff-rejected-file = { $path }:{ $line }: फ़ाइल की सभी { $units } इकाइयाँ अस्वीकृत: { $reason }
xliff-reject-no-document = फ़ाइल यह नहीं बताती कि वह किस दस्तावेज़ की है (original नहीं है) और प्रोजेक्ट में कोई दस्तावेज़ सूचीबद्ध नहीं है (--document से बताएँ)
