"""The text layer under match/ and extract/: normalisation, word tokens, keyed pattern scans."""
