"""Entity resolution anchor for the batch benchmark (issue 9): Splink (DuckDB backend) on the same generated
records as `amaan resolve`, on the same machine, timed phase by phase.

    python3 bench/resolution-splink.py --records FILE.jsonl [--labels FILE.labels.tsv] [--threads 2]

Splink is not a dependency of Amaan and is not installed by the project: run this with a Python in which
`import splink` works. The records are flattened to one row each (Splink compares single-valued columns):
the first Latin-script name (else the first name), split into first name and surname with the father's part
("s/o ...") set apart, date of birth, district, first phone (digits), CNIC (digits) and first handle (lower case).

--keys FILE.keys.tsv (made by bench/resolution-splink-keys.ts from the same records) gives Splink the keys Amaan
compares instead of the raw strings: name-token skeletons that are the same in Latin and Urdu script, titles
dropped, "Muhammad" set aside as a forename, dates with the 1 January placeholder read as a year only, phones in
E.164, all phones and handles as arrays. The settings are then what a competent Splink user would write for these
columns: Splink's ForenameSurnameComparison (exact with term frequencies on the full name, names swapped,
Jaro-Winkler, surname or forename alone), a date comparison by level, array intersection on phones and handles,
blocking on identifiers (arrays exploded), on names with year or district, and on swapped names.
"""
import argparse, json, os, re, sys, time, resource

ap = argparse.ArgumentParser()
ap.add_argument('--records', required=True)
ap.add_argument('--labels')
ap.add_argument('--keys', help='comparison keys from bench/resolution-splink-keys.ts (see above)')
ap.add_argument('--threads', type=int, default=os.cpu_count() or 2)
ap.add_argument('--loose-blocking', action='store_true', help='with --keys: also block on given+surname and given+birth year (quadratic in the common names)')
ap.add_argument('--pairs-out', help='write the proposed pairs here (TSV: id, id, match probability), timed like amaan resolve writing its output')
ap.add_argument('--u-pairs', type=float, default=1e6, help='pairs sampled to estimate u (Splink default 1e6)')
ap.add_argument('--threshold', type=float, help='match probability for a proposed pair; default 0.3 with --keys (precision about 0.965, as amaan resolve, on a tuning set of seed 11, 20,000 people), 0.9 without')
args = ap.parse_args()
if args.threshold is None: args.threshold = 0.3 if args.keys else 0.9

t0 = time.perf_counter()
phase = {}
def mark(name, since):
    now = time.perf_counter(); phase[name] = now - since; print(f'{name}: {now - since:.1f} s', file=sys.stderr, flush=True); return now

import pandas as pd
import duckdb
import splink.comparison_library as cl
import splink.comparison_level_library as cll
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
t = mark('import', t0)

con = duckdb.connect()
con.execute(f'SET threads TO {args.threads}')
db_api = DuckDBAPI(connection=con)
if args.keys:
    # Lists are space-separated in the file; empty fields are unknown.
    arr = lambda c: f"CASE WHEN {c} IS NULL OR {c} = '' THEN NULL ELSE string_split({c}, ' ') END AS {c}"
    df = con.sql(f"""SELECT unique_id, given_key, surname_key, name_concat, father_key, dob_full, birth_year, district_key,
        {arr('phones')}, cnic, {arr('handles')}
        FROM read_csv('{args.keys}', delim='\t', header=true, quote='', escape='', all_varchar=true)""").df()
    t = mark('read and flatten', t)
    settings = SettingsCreator(
        link_type='dedupe_only',
        comparisons=[
            cl.ForenameSurnameComparison('given_key', 'surname_key', forename_surname_concat_col_name='name_concat'),
            cl.JaroWinklerAtThresholds('father_key', [0.9, 0.7]),
            cl.CustomComparison(output_column_name='birth', comparison_levels=[
                cll.NullLevel('birth_year'),
                cll.ExactMatchLevel('dob_full'),
                cll.ExactMatchLevel('birth_year').configure(tf_adjustment_column='birth_year'),
                cll.CustomLevel('abs(try_cast("birth_year_l" AS INTEGER) - try_cast("birth_year_r" AS INTEGER)) <= 2', label_for_charts='years 2 or less apart'),
                cll.ElseLevel(),
            ]),
            cl.ExactMatch('district_key').configure(term_frequency_adjustments=True),
            cl.ArrayIntersectAtSizes('phones', [1]),
            cl.ExactMatch('cnic'),
            cl.ArrayIntersectAtSizes('handles', [1]),
        ],
        # Each rule keeps its blocks small enough for a million records (a given name with a surname alone, or
        # with a birth year alone, would be 50-60 million comparisons each at 1M records on this data).
        blocking_rules_to_generate_predictions=[
            block_on('cnic'),
            block_on('phones', arrays_to_explode=['phones']),
            block_on('handles', arrays_to_explode=['handles']),
            block_on('given_key', 'surname_key', 'birth_year'),
            block_on('given_key', 'surname_key', 'district_key'),
            block_on('given_key', 'birth_year', 'district_key'),
            block_on('surname_key', 'birth_year', 'district_key'),
            block_on('given_key', 'dob_full'),
            block_on('surname_key', 'dob_full'),
            block_on('dob_full', 'district_key'),
            block_on('given_key', 'father_key'),
            'l.given_key = r.surname_key AND l.surname_key = r.given_key AND l.birth_year = r.birth_year',
        ] + ([block_on('given_key', 'surname_key'), block_on('given_key', 'birth_year')] if args.loose_blocking else []),
        retain_intermediate_calculation_columns=False,
    )
    training = dict(
        deterministic=[block_on('cnic'), block_on('given_key', 'surname_key', 'dob_full')],
        em=[block_on('cnic'), block_on('dob_full', 'district_key'), block_on('given_key', 'surname_key')],
    )
else:
    LATIN = re.compile(r'[A-Za-z]')
    FATHER = re.compile(r'\s+(?:s/o|d/o|son of|daughter of|bin|binte|ولد|بنت|دختر|w/o|زوجہ)\s+.*$', re.IGNORECASE)
    TITLES = {'ch.', 'ch', 'mr.', 'mr', 'hafiz', 'haji', 'malik', 'rana', 'syed', 'mian', 'حافظ', 'حاجی', 'ملک', 'رانا', 'سید', 'میاں', 'چوہدری'}
    rows = []
    with open(args.records, encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            names = r.get('names') or ['']
            name = next((n for n in names if LATIN.search(n)), names[0])
            father = ''
            m = FATHER.search(name)
            if m: father = m.group(0).strip().split(None, 1)[-1].lower() if ' ' in m.group(0).strip() else ''; name = name[:m.start()]
            toks = [w for w in name.lower().split() if w not in TITLES]
            digits = lambda s: re.sub(r'\D', '', s or '')
            phones = r.get('phones') or []
            phone = digits(phones[0]) if phones else ''
            if phone.startswith('92'): phone = '0' + phone[2:]
            handles = r.get('handles') or []
            rows.append({
                'unique_id': r['id'],
                'first_name': toks[0] if toks else None,
                'surname': toks[-1] if len(toks) > 1 else None,
                'father': father or None,
                'dob': r.get('dateOfBirth'),
                'district': r.get('district'),
                'phone': phone or None,
                'cnic': digits(r.get('cnic')) or None,
                'handle': handles[0].lstrip('@').lower() if handles else None,
            })
    df = pd.DataFrame(rows)
    t = mark('read and flatten', t)

    settings = SettingsCreator(
        link_type='dedupe_only',
        comparisons=[
            cl.JaroWinklerAtThresholds('first_name', [0.9, 0.7]).configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds('surname', [0.9, 0.7]).configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds('father', [0.9, 0.7]),
            cl.ExactMatch('dob'),
            cl.ExactMatch('district').configure(term_frequency_adjustments=True),
            cl.ExactMatch('phone'),
            cl.ExactMatch('cnic'),
            cl.ExactMatch('handle'),
        ],
        blocking_rules_to_generate_predictions=[
            block_on('cnic'), block_on('phone'), block_on('handle'),
            block_on('first_name', 'surname', 'district'),
            block_on('surname', 'dob'),
            block_on('first_name', 'dob'),
        ],
        retain_intermediate_calculation_columns=False,
    )
    training = dict(deterministic=[block_on('cnic'), block_on('phone')], em=[block_on('cnic'), block_on('surname', 'dob')])
linker = Linker(df, settings, db_api)
t = mark('load into DuckDB', t)

linker.training.estimate_probability_two_random_records_match(training['deterministic'], recall=0.7)
linker.training.estimate_u_using_random_sampling(max_pairs=args.u_pairs, seed=1)
for rule in training['em']:
    linker.training.estimate_parameters_using_expectation_maximisation(rule)
t = mark('train (u sampling, EM passes)', t)

pred = linker.inference.predict(threshold_match_probability=args.threshold)
n = pred.as_duckdbpyrelation().count('*').fetchone()[0]
t = mark('predict (blocking, scoring)', t)
if args.pairs_out:
    pred.as_duckdbpyrelation().project('unique_id_l, unique_id_r, match_probability').write_csv(args.pairs_out, sep='\t', header=False)
    t = mark('write pairs', t)

clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, args.threshold)
nc = clusters.as_duckdbpyrelation().count('*').fetchone()[0]
t = mark('cluster', t)

total = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_SELF)
splink_s = sum(v for k, v in phase.items() if k not in ('import', 'read and flatten'))
out = {'records': len(df), 'config': 'amaan keys' if args.keys else 'raw strings', 'pairs': int(n), 'wall_s': round(total, 2), 'splink_s': round(splink_s, 2), 'cpu_s': round(ru.ru_utime + ru.ru_stime, 1), 'peak_rss_gib': round(ru.ru_maxrss / 2**20, 2), 'phases_s': {k: round(v, 2) for k, v in phase.items()}}

if args.labels:
    person = dict(l.rstrip('\n').split('\t') for l in open(args.labels, encoding='utf-8'))
    pairs = pred.as_duckdbpyrelation().project('unique_id_l, unique_id_r').fetchall()
    correct = sum(1 for a, b in pairs if person[a] == person[b])
    from collections import Counter
    sizes = Counter(person.values())
    true_pairs = sum(k * (k - 1) // 2 for k in sizes.values())
    out['precision'] = round(correct / max(1, len(pairs)), 3)
    out['recall'] = round(correct / max(1, true_pairs), 3)
print(json.dumps(out))
