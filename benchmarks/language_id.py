"""langdetect (what pantau uses) against py3langid: accuracy on annotated articles, time, memory.

    pip install py3langid            # not a pantau dependency; only this comparison needs it
    python -m benchmarks.language_id [GOLD_DIR ...]     # default: tests/gold tests/gold_heldout

Both are given the same sample (``SAMPLE_CHARS``/``NGRAM_CHARS`` of
:mod:`pantau.analysis.language`) and the same Malay/Indonesian settlement, so
the comparison is of the detectors alone. Accuracy is counted per article and
per paragraph of at least 80 characters (short copy is where detectors differ),
each paragraph labelled with its article's language. Memory is the resident
size a fresh process reaches after loading each detector, since every crawl
worker loads one.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pantau.analysis import language
from pantau.analysis.clean import clean_body

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = (ROOT / "tests" / "gold", ROOT / "tests" / "gold_heldout")
MIN_PARAGRAPH = 80
LOADERS = {
    "langdetect": "from pantau.analysis.language import detect_language as d; d('Bupati mengimbau ASN netral.')",
    "py3langid": ("from py3langid.langid import LanguageIdentifier, MODEL_FILE\n"
                  "identifier = LanguageIdentifier.from_model_file(MODEL_FILE)  # kept, as a worker keeps it\n"
                  "identifier.classify('Bupati mengimbau ASN netral.')"),
}


def _py3langid() -> Callable[[str], str]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)

    def detect(text: str) -> str:
        sample = text[:language.SAMPLE_CHARS]
        if language.too_short(sample):
            return language.UNDETERMINED
        code = str(identifier.classify(sample[:language.NGRAM_CHARS])[0])
        if code in ("id", "ms", "tl"):
            return language.malay_or_indonesian(sample, "ms" if code == "ms" else "id")
        return code

    return detect


def _rss_mib(name: str) -> float:
    """VmRSS of a fresh interpreter after loading one detector and classifying a sentence."""
    code = LOADERS[name] + "\nprint(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmRSS')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return round(int(out.strip()) / 1024, 1)


def main(argv: list[str]) -> int:
    sets = [Path(a) for a in argv] or list(DEFAULT_SETS)
    docs = [(clean_body(d["text"]), d["gold"]["language"])
            for folder in sets for d in (json.loads(p.read_text()) for p in sorted(folder.glob("*.json")))]
    paragraphs = [(p, lang) for text, lang in docs for p in text.split("\n") if len(p) >= MIN_PARAGRAPH]
    detectors: dict[str, Callable[[str], str]] = {"langdetect": language.detect_language}
    try:
        detectors["py3langid"] = _py3langid()
    except ImportError:
        print("py3langid is not installed (pip install py3langid): langdetect alone")
    print(f"{len(docs)} articles, {len(paragraphs)} paragraphs from {', '.join(str(s) for s in sets)}")
    for name, detect in detectors.items():
        detect(docs[0][0])
        times = []
        for text, _ in docs * 3:
            started = time.perf_counter()
            detect(text)
            times.append((time.perf_counter() - started) * 1000)
        articles = sum(detect(text) == lang for text, lang in docs)
        paras = sum(detect(text) == lang for text, lang in paragraphs)
        print(f"{name:10s} articles {articles}/{len(docs)}  paragraphs {paras}/{len(paragraphs)}  "
              f"median {statistics.median(times):.2f} ms  RSS {_rss_mib(name)} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
