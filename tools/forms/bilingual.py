#!/usr/bin/env python3
"""Makes every label, description and option text of forms/*.form bilingual: "English · 中文".

  python3 tools/forms/bilingual.py
      rewrites the forms in place from tools/forms/zh.json (English → Chinese); texts already bilingual, or with no
      entry in zh.json, are left alone and the latter listed, so a new form field gets its Chinese by adding it there

FormsSpeakBothLanguagesTest fails while a form text has no Chinese.
"""
import glob
import json
import os
import re

HERE = os.path.dirname(__file__)
FORMS = os.path.join(HERE, '..', '..', 'forms')
SEPARATOR = ' · '
TEXT_KEYS = ('label', 'description', 'text', 'title')
HAN = re.compile(r'[\u4e00-\u9fff]')


def main():
    chinese = json.load(open(os.path.join(HERE, 'zh.json'), encoding='utf-8'))
    untranslated = set()

    def bilingual(text):
        if HAN.search(text):
            return text
        if text not in chinese:
            untranslated.add(text)
            return text
        return text + SEPARATOR + chinese[text]

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in TEXT_KEYS and isinstance(value, str):
                    node[key] = bilingual(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(glob.glob(os.path.join(FORMS, '*.form'))):
        form = json.load(open(path, encoding='utf-8'))
        walk(form)
        with open(path, 'w', encoding='utf-8') as out:
            json.dump(form, out, ensure_ascii=False, indent=2)
            out.write('\n')
    for text in sorted(untranslated):
        print('no Chinese in tools/forms/zh.json for:', text)


if __name__ == '__main__':
    main()
