#!/usr/bin/env bash
# Scanned PDFs are read by OCR (docs/import.md): Debian's Tesseract with its Vietnamese data, and
# poppler's pdftoppm to turn pages into images (tesseract reads images, not PDFs). Installs them with
# apt when missing and we are root (CI, fresh machines, the Docker image); otherwise says how and
# exits 0: the import still works without them (a scan becomes a draft without text, and its report
# line says why), and the OCR tests print SKIPPED lines. DejaVu fonts come along: the folder-import
# test fixtures and benchmark print Vietnamese PDFs with them.
set -euo pipefail
have_ocr() {
  command -v tesseract >/dev/null && command -v pdftoppm >/dev/null \
    && tesseract --list-langs 2>/dev/null | grep -qx vie \
    && [ -r /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]
}
have_ocr && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "› Installing Tesseract OCR with Vietnamese data and poppler-utils for scanned PDFs (first run only)…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core >&2
  have_ocr || { echo "Tesseract was installed but its Vietnamese data (vie) is not listed by 'tesseract --list-langs'." >&2; exit 1; }
else
  echo "SKIPPED: installing OCR for scanned PDFs (run 'sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core'); scans are imported as drafts without text until then" >&2
fi
