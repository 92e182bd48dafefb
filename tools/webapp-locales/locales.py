#!/usr/bin/env python3
"""The webapps' Chinese texts (src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/zh.json).

  python3 tools/webapp-locales/locales.py missing APP > todo.json
      the English texts of Camunda's en.json (from the camunda-webapp-webjar in ~/.m2) that zh.json lacks, as a
      flat JSON object {"labels/KEY": "English text"}: what a Camunda upgrade added, to be translated
  python3 tools/webapp-locales/locales.py merge APP translated.json [more.json …]
      writes zh.json anew: Camunda's en.json structure and order, each text from zh.json or the given flat files

WebappLocalesTest fails while a key of en.json has no Chinese text.
"""
import glob
import json
import os
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
OURS = os.path.join(ROOT, 'src/main/resources/META-INF/resources/webjars/camunda/app/{app}/locales/zh.json')


def english(app):
    jars = sorted(glob.glob(os.path.expanduser(
        '~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/*/camunda-webapp-webjar-*.jar')))
    with zipfile.ZipFile(jars[-1]) as jar:
        text = jar.read(f'META-INF/resources/webjars/camunda/app/{app}/locales/en.json').decode('utf-8-sig')
    return json.loads(text)


def flat(node, path=''):
    if isinstance(node, dict):
        return {k: v for key, value in node.items() for k, v in flat(value, f'{path}/{key}' if path else key).items()}
    if isinstance(node, list):
        return {k: v for i, value in enumerate(node) for k, v in flat(value, f'{path}/{i}').items()}
    return {path: node}


def rebuild(node, texts, path=''):
    if isinstance(node, dict):
        return {key: rebuild(value, texts, f'{path}/{key}' if path else key) for key, value in node.items()}
    if isinstance(node, list):
        return [rebuild(value, texts, f'{path}/{i}') for i, value in enumerate(node)]
    return texts[path]


def ours(app):
    path = OURS.format(app=app)
    return flat(json.load(open(path, encoding='utf-8'))) if os.path.exists(path) else {}


def main(command, app, *files):
    en = english(app)
    zh = ours(app)
    if command == 'missing':
        json.dump({k: v for k, v in flat(en).items() if k not in zh}, sys.stdout, ensure_ascii=False, indent=1)
        return
    for file in files:
        zh.update(json.load(open(file, encoding='utf-8')))
    missing = [k for k in flat(en) if k not in zh]
    if missing:
        sys.exit(f'{app}: no Chinese text for {len(missing)} keys, e.g. {missing[:5]}')
    path = OURS.format(app=app)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as out:
        json.dump(rebuild(en, zh), out, ensure_ascii=False, indent=2)
        out.write('\n')
    print(f'wrote {os.path.relpath(path, ROOT)}')


if __name__ == '__main__':
    main(*sys.argv[1:])
