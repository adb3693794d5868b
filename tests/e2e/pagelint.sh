#!/bin/sh
# The report page's sources pass their linters, from the pinned npm
# packages: ESLint (recommended rules and the house's) over src/report/ and
# its unit tests, html-validate (recommended rules: HTML5 content models,
# ARIA, accessibility) over the page entgraph writes for corpus/.  Skipped
# (77) without node or the packages (scripts/install-deps), a failure when
# CI=true.
. "$(dirname "$0")/lib.sh"

modules=$EG_SRCDIR/npm/node_modules
command -v node >/dev/null 2>&1 || missing "no node"
[ -d "$modules/eslint" ] && [ -x "$modules/.bin/html-validate" ] || missing "ESLint or html-validate not in $modules"
need_report_page

(cd "$EG_SRCDIR" && node tests/report/lint.mjs "$modules" src/report/*.mjs src/report/embed.cjs tests/report/*.mjs) \
	>"$TMP/eslint" 2>&1 || fail "ESLint: $(head -20 "$TMP/eslint")"

expect_status 0 "$ENTGRAPH" extract -f html -o "$TMP/corpus.html" "$EG_SRCDIR/corpus"
"$modules/.bin/html-validate" --config "$EG_SRCDIR/src/report/htmlvalidate.json" "$TMP/corpus.html" \
	>"$TMP/htmlvalidate" 2>&1 || fail "html-validate: $(head -20 "$TMP/htmlvalidate")"
# A lint that finds nothing must be able to: the same check on a page
# with a fault finds it.
sed 's|<button id="reset" type="button">|<button id="reset">|' "$TMP/corpus.html" >"$TMP/faulty.html"
"$modules/.bin/html-validate" --config "$EG_SRCDIR/src/report/htmlvalidate.json" "$TMP/faulty.html" \
	>"$TMP/faulty" 2>&1 && fail "html-validate passes a button without a type"
printf 'export const x = 1;\nlet y = 2;\nif (x == y) y = 3;\n' >"$TMP/faulty.mjs"
node "$EG_SRCDIR/tests/report/lint.mjs" "$modules" "$TMP/faulty.mjs" >"$TMP/eslint-faulty" 2>&1 &&
	fail "ESLint passes == and a let never reassigned"
finish
