#!/bin/sh
# T200-help: the help tells the whole truth.  Every option of the option
# tables (izde --list-options, which the parser reads) is accepted by the
# parser, shown by `izde COMMAND --help` and described in the man page
# section of its command; no option is parsed outside the tables; every
# query filter is in the help of each query command, of izde and of the
# man page; the man page lints clean; the bash completion completes
# commands, options and fixed values; `cmake --install` puts the binary,
# the man page and the completion where Debian tools go.
. "$(dirname "$0")/test-lib.sh"

MAN="$IZDE_SRC/src/cli/izde.1"
"$IZDE" --list-options > options.tsv
CHECKS=$((CHECKS + 1))
[ "$(wc -l < options.tsv)" -ge 40 ] || fail "--list-options lists $(wc -l < options.tsv) options"

# man_section CMD: the lines of the man page's .SS "izde CMD" section
man_section() {
    awk -v want=".SS \"izde $1\"" '
        $0 == want { on = 1; next }
        on && (/^\.SS / || /^\.SH /) { exit }
        on { print }' "$MAN"
}

# man_escaped OPT: how the page writes it (\-\-db)
man_escaped() {
    printf '%s' "$1" | sed 's/-/\\-/g'
}

# a value the parser takes for ARG or VALUES
sample_value() {
    case "$2" in
        -) ;;
        *) echo "${2%%|*}"; return ;;
    esac
    case "$1" in
        K/N) echo 1/2 ;;
        N | K | MS | SECONDS | ARTICLES) echo 1 ;;
        ADDR:PORT) echo 127.0.0.1:0 ;;
        *) echo x ;;
    esac
}

tab=$(printf '\t')
while IFS="$tab" read -r cmd opt alias arg values; do
    help=$("$IZDE" "$cmd" --help)
    check_contains "$cmd --help names $opt" "$opt" "$help"
    [ "$alias" = - ] || check_contains "$cmd --help names $alias" "$alias" "$help"
    section=$(man_section "$cmd")
    [ -n "$section" ] || { fail "man page: no section .SS \"izde $cmd\""; continue; }
    check_contains "man page, izde $cmd: $opt" "$(man_escaped "$opt")" "$section"
    [ "$alias" = - ] || check_contains "man page, izde $cmd: $alias" "$(man_escaped "$alias")" "$section"
    if [ "$values" != - ]; then
        for v in $(echo "$values" | tr '|' ' '); do
            check_contains "$cmd --help: value $v of $opt" "$v" "$help"
            check_contains "man page, izde $cmd: value $v of $opt" "$(man_escaped "$v")" "$section"
        done
    fi
    # the parser takes it: the option (with a value), then --help
    [ "$opt" = --help ] && continue
    if [ "$arg" = - ]; then
        run "$cmd" "$opt" --help
    else
        run "$cmd" "$opt" "$(sample_value "$arg" "$values")" --help
    fi
    check_eq "parser takes $cmd $opt" "0 usage: izde $cmd" "$STATUS $(echo "$OUT" | head -n 1 | cut -d' ' -f1-3)"
done < options.tsv

# No option is parsed outside the tables: every "--name" string in the
# command-line sources is a table's option or one of izde's own.
{ cut -f2,3 options.tsv | tr '\t' '\n'; cut -f5 options.tsv | tr '|' '\n'; } | grep -v '^-$' | sort -u > known.txt
printf '%s\n' --version --list-options --completion -- >> known.txt
grep -oh '"--*[a-z][a-z-]*' "$IZDE_SRC"/src/cli/*.c | tr -d '"' | sort -u > literals.txt
for lit in $(cat literals.txt); do
    CHECKS=$((CHECKS + 1))
    grep -qx -e "$lit" known.txt || fail "src/cli names option $lit, which no option table lists"
done

# a table's option that the parser does not take is refused with its name
run search --sortt date x
check_eq "unknown option: exit 2" 2 "$STATUS"
check_contains "unknown option: named" "search: unknown option '--sortt'" "$ERR"
run timeline --by day x
check_eq "value outside the set: exit 2" 2 "$STATUS"
check_eq "value outside the set: message" "izde: timeline: --by takes year|month|week, not 'day'" "$ERR"
run index --jobs=0 x
check_eq "--name=value form: checked" "izde: index: --jobs takes a number from 1 to 64, not '0'" "$ERR"
run search --json=yes x
check_eq "flag with a value" "izde: search: --json takes no value, not 'yes'" "$ERR"
run search -n
check_eq "missing value" "izde: search: -n needs a value: -n N" "$ERR"
run search --db "" x
check_eq "empty value" "izde: search: --db needs a value (DIR|tcp://HOST:PORT|LIST), not an empty one" "$ERR"

# the query language in every query command's help, izde's and the man page's
main_help=$("$IZDE" --help)
for cmd in search facts timeline; do
    help=$("$IZDE" "$cmd" --help)
    for filter in 'lang:ru|ky|other' 'date:2017-01..2017-06' 'date:>=2018-03' 'теракт:10..20' \
        'человек:>10000' ' OR ' 'NOT a, -a' '«a phrase»' 'баңги*' 'н о у for ң ө ү'; do
        check_contains "$cmd --help: query syntax $filter" "$filter" "$help"
    done
done
for filter in 'lang:ru|ky|other' 'date:2017-01..2017-06' 'теракт:10..20' 'IZDE_DB' 'NO_COLOR'; do
    check_contains "izde --help: $filter" "$filter" "$main_help"
done
for cmd in $(cut -f1 options.tsv | uniq); do
    check_contains "izde --help lists $cmd" "  $cmd " "$main_help"
done
man_text=$(cat "$MAN")
for word in 'lang:' 'date:2017\-01..2017\-06' 'теракт:10..20' 'IZDE_DB' 'NO_COLOR' \
    '.SH EXIT STATUS' '.SH ENVIRONMENT' '.SH FILES' '.SH EXAMPLES'; do
    check_contains "man page: $word" "$word" "$man_text"
done
index_help=$("$IZDE" index --help)
for ext in .txt .md .jsonl .csv; do
    check_contains "index --help names $ext" "$ext" "$index_help"
done

# the man page lints clean
if command -v mandoc >/dev/null 2>&1; then
    lint=$(mandoc -T lint -W warning "$MAN" 2>&1)
    check_eq "mandoc -T lint -W warning: no message" "" "$lint"
else
    fail "mandoc is missing: run tools/deps.sh --test"
fi

# bash completion, made from the same tables
"$IZDE" --completion bash > izde.bash
IZDE_COMPLETION="$WORK/izde.bash"
export IZDE_COMPLETION
complete_words() {
    bash -c '. "$IZDE_COMPLETION"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _izde; echo "${COMPREPLY[*]}"' \
        izde "$@"
}
# the same, sorted, one line
complete_sorted() {
    complete_words "$@" | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//'
}
check_eq "complete commands" "search serve show similar stats stem" "$(complete_sorted izde s)"
check_eq "complete --by" "year month week" "$(complete_words izde timeline --by '')"
check_eq "complete --sort" "relevance date -date oldest newest" "$(complete_words izde search --sort '')"
check_eq "complete stem --lang" "ky ru" "$(complete_words izde stem --lang '')"
check_eq "complete analyze --lang" "ru ky other" "$(complete_words izde analyze --lang '')"
check_eq "complete an option" "--max-connections" "$(complete_words izde serve --max-c)"
mkdir -p paths/dir.d && : > paths/file.jsonl
check_eq "complete index paths" "dir.d file.jsonl" "$(cd paths && complete_sorted izde index '')"
check_eq "complete --db: folders" "dir.d" "$(cd paths && complete_sorted izde index --db '')"
check_eq "no completion of numbers" "" "$(complete_words izde search -n '')"

# cmake --install: binary, man page, completion
if [ -n "${IZDE_BUILD:-}" ] && [ -f "$IZDE_BUILD/cmake_install.cmake" ]; then
    cmake --install "$IZDE_BUILD" --prefix "$WORK/inst" > install.log 2>&1
    check_eq "cmake --install: exit 0" 0 $?
    for f in bin/izde share/man/man1/izde.1.gz share/bash-completion/completions/izde; do
        CHECKS=$((CHECKS + 1))
        [ -s "$WORK/inst/$f" ] || fail "cmake --install did not install $f"
    done
    CHECKS=$((CHECKS + 1))
    gzip -dc "$WORK/inst/share/man/man1/izde.1.gz" | cmp -s - "$MAN" || fail "installed man page differs"
    check_eq "installed completion: as made" "$(cat izde.bash)" "$(cat "$WORK/inst/share/bash-completion/completions/izde")"
fi

finish
