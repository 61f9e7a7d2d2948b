#!/usr/bin/env python3
"""Writes N synthetic RIS records (deterministic) for the import benchmark.

Records look like database exports of clinical papers: title, 3-8 authors, journal, year,
volume/issue/pages, a unique DOI, a ~200-word abstract and keywords. Text is drawn from a
small vocabulary and marked SYNTHETIC in the journal name, so nobody mistakes it for data.
"""
import random
import sys

WORDS = ("magnesium cramps nocturnal leg muscle trial randomised placebo controlled double blind "
         "older adults pregnancy dialysis cirrhosis exercise associated supplementation oral citrate "
         "oxide lactate sulfate frequency severity duration outcome baseline week intervention "
         "participants analysis confidence interval difference significant reduction symptoms "
         "quality sleep serum levels dose daily safety adverse events follow up cohort review "
         "systematic meta evidence certainty low moderate high benefit effect compared group").split()
SURNAMES = ("Garrison Roffe Dahle Frusso Nygaard Roguin Supakatisant Young Barna Miller Smith Jones "
            "Müller García Østergaard Nakamura Kowalski Nguyen Silva O'Brien Dupont Rossi Jensen").split()
JOURNALS = ["SYNTHETIC J Clin Med", "SYNTHETIC Neurology Reports", "SYNTHETIC Obstet Gynecol Lett",
            "SYNTHETIC Sports Med Res", "SYNTHETIC Nephrol Dial"]


def main():
    count = int(sys.argv[1])
    out = sys.stdout
    rnd = random.Random(20261202)
    lines = []
    for i in range(count):
        title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 16))).capitalize()
        lines.append("TY  - JOUR")
        lines.append(f"TI  - {title} ({i})")
        for a in range(rnd.randint(3, 8)):
            lines.append(f"AU  - {rnd.choice(SURNAMES)}, {chr(65 + rnd.randint(0, 25))}.{chr(65 + rnd.randint(0, 25))}.")
        lines.append(f"PY  - {rnd.randint(1985, 2025)}")
        lines.append(f"JO  - {rnd.choice(JOURNALS)}")
        lines.append(f"VL  - {rnd.randint(1, 80)}")
        lines.append(f"IS  - {rnd.randint(1, 12)}")
        start = rnd.randint(1, 900)
        lines.append(f"SP  - {start}")
        lines.append(f"EP  - {start + rnd.randint(3, 15)}")
        lines.append(f"DO  - 10.99999/synthetic.{i:07d}")
        abstract = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(150, 250)))
        lines.append(f"AB  - {abstract.capitalize()}.")
        for k in range(5):
            lines.append(f"KW  - {rnd.choice(WORDS)}")
        lines.append("ER  - ")
        lines.append("")
        if len(lines) > 20000:
            out.write("\n".join(lines) + "\n")
            lines = []
    out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
