#!/bin/sh
# fresh-root.sh - only a fresh root proves the README commands: runs README
# command 1 (taken from README.md as written) in a new minimal Debian 12 root
# on a clean clone of this repository's committed HEAD, one ` && ` step at a
# time, then builds the .deb with CPack and installs and uses it in a second
# fresh root.  Needs root (debootstrap, chroot, mount); never asks questions.
#   tools/fresh-root.sh [--keep] [--command2] [--no-deb]
# The pristine root (debootstrap --variant=minbase bookworm) and the .deb files
# apt downloads are cached in ${IZDE_FRESH_CACHE:-/var/cache/izde-fresh};
# work roots go to a temporary folder under /var/tmp, on a tmpfs when there
# is memory enough.  The script runs in its own mount namespace: no mount it
# makes is seen by the host, and all go away with it however it ends.
set -eu

usage() {
    cat <<'EOF'
usage: tools/fresh-root.sh [--keep] [--command2] [--no-deb]
Runs README command 1 as root in a fresh minimal Debian 12 root (chroot) on a
clean clone of the committed HEAD, then checks the .deb (cpack -G DEB in that
root; install, index, search, man page and completion in a second fresh root).
  --keep      keep the work roots and print where they are
  --command2  also run README command 2 (tools/test-all.sh: long) in a fresh root
  --no-deb    skip the .deb check
  --help      this text
Environment: IZDE_FRESH_CACHE (default /var/cache/izde-fresh),
IZDE_FRESH_MIRROR (default http://deb.debian.org/debian),
IZDE_FRESH_MAX_AGE (days before the cached root is rebuilt; default 30),
IZDE_FRESH_TMPFS (auto: work roots in memory when 3 GB are free, 8 GB with
--command2; 0: on disk, as with --keep).
Exit status: 0 all passed, 1 a step failed, 2 usage or not root.
EOF
}

KEEP=0 CMD2=0 DEB=1
for arg in "$@"; do
    case "$arg" in
        --keep) KEEP=1 ;;
        --command2) CMD2=1 ;;
        --no-deb) DEB=0 ;;
        --help|-h) usage; exit 0 ;;
        *) echo "fresh-root: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
    esac
done
if [ "$(id -u)" -ne 0 ]; then
    echo "fresh-root: must run as root (debootstrap, chroot and mount need it): sudo $0 $*" >&2
    exit 2
fi
for c in git unshare chroot flock; do
    command -v "$c" >/dev/null 2>&1 || { echo "fresh-root: needs '$c' on this machine" >&2; exit 2; }
done
# Run the rest in a private mount namespace (see the top).
if [ "${IZDE_FRESH_PRIVATE:-}" != 1 ]; then
    export IZDE_FRESH_PRIVATE=1
    exec unshare --mount --propagation private -- /bin/sh "$0" "$@"
fi

HEAD1='**1. Install, build, index the sample articles and search them:**'
HEAD2='**2. Install, build and run all tests:**'
CACHE=${IZDE_FRESH_CACHE:-/var/cache/izde-fresh}
MIRROR=${IZDE_FRESH_MIRROR:-http://deb.debian.org/debian}
MAX_AGE=${IZDE_FRESH_MAX_AGE:-30}
PRISTINE=$CACHE/bookworm-minbase    # root/ (the root) and built (its date)
DEBS=$CACHE/apt-archives            # .deb files apt fetched, put into each root
ROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
case "$CACHE" in /*) ;; *) echo "fresh-root: IZDE_FRESH_CACHE must be absolute" >&2; exit 2 ;; esac
case "$CACHE" in *[[:space:]]*) echo "fresh-root: IZDE_FRESH_CACHE must not hold spaces" >&2; exit 2 ;; esac

REPO=$(cd "$(dirname "$0")/.." && pwd -P)
git -c safe.directory="$REPO" -C "$REPO" rev-parse --git-dir >/dev/null 2>&1 ||
    { echo "fresh-root: $REPO is not a git repository" >&2; exit 2; }
COMMIT=$(git -c safe.directory="$REPO" -C "$REPO" rev-parse HEAD)

say() { printf 'fresh-root: %s\n' "$*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$TIMES"; }   # phase step secs status what

# Mount points at or under $1, deepest first (paths here never hold spaces).
mounts_under() { awk -v p="$1" '$2 == p || index($2, p "/") == 1 { print $2 }' /proc/mounts | sort -r; }

# Delete a work or cache folder, but never through a mount: unmount first and
# refuse when anything is still mounted under it.
safe_rm() {
    case "$1" in /var/tmp/izde-fresh.*|"$CACHE"/?*) ;; *) say "refusing to delete '$1'" >&2; return 1 ;; esac
    [ -e "$1" ] || return 0
    for m in $(mounts_under "$1"); do umount "$m" 2>/dev/null || umount -l "$m" || true; done
    if [ -n "$(mounts_under "$1")" ]; then
        say "still mounted under $1 (see /proc/mounts); not deleting it" >&2
        return 1
    fi
    rm -rf --one-file-system -- "$1"
}

# in_root ROOT DIR COMMAND: run COMMAND with /bin/sh in the chroot ROOT, from
# DIR, as root with a clean environment.  proc, dev and sys are mounted in a
# private mount namespace: the host never sees them and they vanish with the
# namespace, even when this script is killed.
in_root() {
    # shellcheck disable=SC2016 # expanded by the inner shell
    unshare --mount --propagation private -- /bin/sh -eu -c '
        mount -t proc proc "$1/proc"
        mount --rbind /dev "$1/dev"
        mount -t sysfs sysfs "$1/sys"
        exec chroot "$1" /usr/bin/env -i -C "$2" PATH="$4" HOME=/root LANG=C.UTF-8 /bin/sh -c "$3"
    ' in_root "$1" "$2" "$3" "$ROOT_PATH" </dev/null
}

# Hold the cache lock while running "$@" (building or copying the pristine
# root, saving packages), so parallel runs on one machine do not collide.
with_lock() { ( flock -w 3600 9 || { say "waited an hour for $CACHE/.lock" >&2; exit 1; }; "$@" ) 9>"$CACHE/.lock"; }

build_pristine() {
    for old in "$CACHE"/.build.* "$CACHE"/.old.*; do    # left by a killed run (we hold the lock)
        [ -e "$old" ] && safe_rm "$old"
    done
    if [ -f "$PRISTINE/built" ] && [ -d "$PRISTINE/root" ] &&
       [ -z "$(find "$PRISTINE/built" -mtime +"$MAX_AGE")" ]; then
        record setup - 0.0 cached "debootstrap --variant=minbase bookworm (built $(cat "$PRISTINE/built"))"
        return 0
    fi
    if ! command -v debootstrap >/dev/null 2>&1; then
        say "installing debootstrap"
        if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
               DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                   debootstrap debian-archive-keyring; } >"$LOGS/apt-debootstrap.log" 2>&1 </dev/null; then
            tail -n 20 "$LOGS/apt-debootstrap.log" >&2
            say "could not install debootstrap" >&2
            exit 1
        fi
    fi
    new=$(mktemp -d "$CACHE/.build.XXXXXX")
    say "debootstrap --variant=minbase bookworm $MIRROR (cached in $PRISTINE)"
    t0=$(now)
    if ! unshare --mount --propagation private -- debootstrap --variant=minbase bookworm "$new/root" "$MIRROR" \
            >"$LOGS/debootstrap.log" 2>&1 </dev/null; then
        record setup - "$(since "$t0")" FAILED "debootstrap --variant=minbase bookworm"
        tail -n 30 "$LOGS/debootstrap.log" | sed 's/^/  | /' >&2
        say "debootstrap failed" >&2
        safe_rm "$new" || true
        exit 1
    fi
    in_root "$new/root" / 'apt-get clean' >/dev/null   # drop the bootstrap's own .deb files
    date -u '+%Y-%m-%d %H:%M UTC' >"$new/built"
    if [ -e "$PRISTINE" ]; then mv "$PRISTINE" "$CACHE/.old.$$"; fi
    mv "$new" "$PRISTINE"     # atomic: a half-made root never becomes the cache
    safe_rm "$CACHE/.old.$$" || true
    record setup - "$(since "$t0")" ok "debootstrap --variant=minbase bookworm"
}

# copy_pristine DIR NAME: the pristine root copied to DIR, with the cached
# .deb files in apt's archive folder (downloads only: nothing is installed).
copy_pristine() {
    cp -a "$PRISTINE/root" "$1"
    ls "$DEBS" >"$WORK/seeded.$2"
    if [ -s "$WORK/seeded.$2" ]; then
        cp -l "$DEBS"/*.deb "$1/var/cache/apt/archives/" 2>/dev/null || {
            rm -f "$1"/var/cache/apt/archives/*.deb     # links made before a failure
            cp "$DEBS"/*.deb "$1/var/cache/apt/archives/"
        }
    fi
}

# new_root NAME: a fresh work root $ROOTS_DIR/NAME (in $R) from the pristine
# one, with the cached .deb files and the host's resolv.conf.
new_root() {
    R=$ROOTS_DIR/$1
    t0=$(now)
    ROOTS="$ROOTS $1"
    with_lock copy_pristine "$R" "$1"
    cp -L /etc/resolv.conf "$R/etc/resolv.conf"
    # Never start services from a chroot on the host (invoke-rc.d asks this).
    printf '#!/bin/sh\nexit 101\n' >"$R/usr/sbin/policy-rc.d"
    chmod 755 "$R/usr/sbin/policy-rc.d"
    record setup - "$(since "$t0")" ok "copy pristine root to $1 ($(wc -l <"$WORK/seeded.$1") cached .deb)"
}

# save_debs NAME: keep the root's downloaded packages for the next run, and
# drop from the cache those apt no longer offers (apt-get autoclean).
save_debs_locked() {
    a=$ROOTS_DIR/$1/var/cache/apt/archives
    ls "$ROOTS_DIR/$1"/var/lib/apt/lists/*_Packages* >/dev/null 2>&1 || return 0   # no apt-get update: cannot tell
    in_root "$ROOTS_DIR/$1" / 'apt-get autoclean -q' >/dev/null 2>&1 || return 0
    for f in "$a"/*.deb; do
        [ -e "$f" ] || continue
        b=${f##*/}
        [ -e "$DEBS/$b" ] && continue
        { ln "$f" "$DEBS/.$b.tmp" 2>/dev/null || cp "$f" "$DEBS/.$b.tmp"; } && mv -f "$DEBS/.$b.tmp" "$DEBS/$b"
    done
    while IFS= read -r b; do
        [ -e "$a/$b" ] || rm -f "$DEBS/$b"
    done <"$WORK/seeded.$1"
}
save_debs() { with_lock save_debs_locked "$1" || true; }

clone_repo() {
    t0=$(now)
    git -c safe.directory="$REPO" -c advice.detachedHead=false clone -q --no-hardlinks "$REPO" "$1/root/izde"
    git -c advice.detachedHead=false -C "$1/root/izde" checkout -q --detach "$COMMIT"
    record setup - "$(since "$t0")" ok "git clone $(git -C "$1/root/izde" log -1 --format=%h) to /root/izde"
}

# readme_steps HEADING FILE: the first ```sh block after the line HEADING,
# split into steps on ` && ` (and on lines), one step a line.
readme_steps() {
    awk -v h="$1" '
        function emit(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); if (s != "" && s !~ /^#/) print s }
        { sub(/\r$/, "") }
        !found { if ($0 == h) found = 1; next }
        !inblk { if ($0 ~ /^```sh[ \t]*$/) inblk = 1; next }
        /^```/ { done = 1; exit }
        /\\$/ { buf = buf substr($0, 1, length($0) - 1); next }
        { line = buf $0; buf = ""
          while ((i = index(line, " && ")) > 0) { emit(substr(line, 1, i - 1)); line = substr(line, i + 4) }
          emit(line) }
        END { if (!done) exit 1 }' "$2"
}

# readme_command N ROOT HEADING: a fresh root ROOT (in $R) holding a clean
# clone, and README command N (the block after HEADING) in $WORK/stepsN.
readme_command() {
    new_root "$2"
    clone_repo "$R"
    readme_steps "$3" "$R/root/izde/README.md" >"$WORK/steps$1" ||
        { say "README.md has no \`\`\`sh block after '$3'" >&2; exit 1; }
    say "README command $1: $(awk 'NR > 1 { printf " && " } { printf "%s", $0 }' "$WORK/steps$1")"
}

# run_steps PHASE ROOT DIR STEPFILE [PRINTS...]: run each step in turn in the
# root; stop at the first failure, naming it.  The steps numbered in PRINTS
# must also print something on stdout.
run_steps() {
    phase=$1 root=$2 dir=$3 file=$4
    shift 4
    n=$(wc -l <"$file")
    i=0
    while [ "$i" -lt "$n" ]; do
        i=$((i + 1))
        step=$(sed -n "${i}p" "$file")
        log=$LOGS/$phase-$i.log out=$LOGS/$phase-$i.out
        printf 'fresh-root: [%s] step %d/%d: %s ... ' "$phase" "$i" "$n" "$step"
        t0=$(now)
        rc=0 prints=0 empty=0
        for p in "$@"; do [ "$p" = "$i" ] && prints=1; done
        if [ "$prints" -eq 1 ]; then    # stdout apart, to check it
            in_root "$root" "$dir" "$step" >"$out" 2>"$log" || rc=$?
            [ -s "$out" ] || empty=1
        else
            in_root "$root" "$dir" "$step" >"$log" 2>&1 || rc=$?
            : >"$out"
        fi
        secs=$(since "$t0")
        if [ "$rc" -ne 0 ] || [ "$empty" -eq 1 ]; then
            echo "FAILED ($secs s)"
            record "$phase" "$i/$n" "$secs" FAILED "$step"
            { cat "$out"; cat "$log"; } | tail -n 40 | sed 's/^/  | /' >&2
            if [ "$rc" -ne 0 ]; then
                say "[$phase] step $i/$n '$step' failed (exit $rc)" >&2
            else
                say "[$phase] step $i/$n '$step' printed nothing" >&2
            fi
            exit 1
        fi
        echo "ok ($secs s)"
        record "$phase" "$i/$n" "$secs" ok "$step"
    done
}

print_times() {
    say "times (seconds)"
    printf '  %-9s %-5s %7s  %-7s %s\n' phase step seconds status what
    awk -F '\t' '{ printf "  %-9s %-5s %7s  %-7s %s\n", $1, $2, $3, $4, $5 }' "$TIMES"
    printf '  total           %7s\n' "$(since "$START")"
}

cleanup() {
    rc=$?
    trap - EXIT INT TERM HUP
    set +e
    [ -s "$TIMES" ] && print_times
    for r in $ROOTS; do save_debs "$r"; done
    if [ "$KEEP" -eq 1 ]; then
        for r in $ROOTS; do say "kept work root $ROOTS_DIR/$r (chroot $ROOTS_DIR/$r /bin/bash)"; done
        say "logs in $LOGS"
    else
        if [ "$TMPFS" -eq 1 ]; then
            umount "$ROOTS_DIR" 2>/dev/null || umount -l "$ROOTS_DIR"
        else
            for r in $ROOTS; do safe_rm "$ROOTS_DIR/$r"; done
        fi
        if [ "$rc" -eq 0 ] && [ "$OK" -eq 1 ]; then
            safe_rm "$WORK"
        else
            say "logs kept in $LOGS"
        fi
    fi
    if [ "$rc" -eq 0 ] && [ "$OK" -eq 1 ]; then say "OK"; else say "FAILED" >&2; [ "$rc" -eq 0 ] && rc=1; fi
    exit "$rc"
}

mkdir -p "$CACHE" "$DEBS"
WORK=$(mktemp -d /var/tmp/izde-fresh.XXXXXX)
LOGS=$WORK/logs TIMES=$WORK/times ROOTS_DIR=$WORK/roots
mkdir "$LOGS" "$ROOTS_DIR"
: >"$TIMES"
ROOTS="" START=$(date +%s.%N) OK=0 TMPFS=0
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
# Work roots in memory: dpkg's fsyncs and deleting a root cost nothing there
# (on this ext4 disk, mounted with discard, tools/deps.sh took 23-65 s instead
# of 17-21 s, and rm -rf of a root up to 28 s).
mem_gb=$(awk '/^MemAvailable:/ { print int($2 / 1048576) }' /proc/meminfo)
need_gb=3
[ "$CMD2" -eq 1 ] && need_gb=8
if [ "$KEEP" -eq 0 ] && [ "${IZDE_FRESH_TMPFS:-auto}" != 0 ] && [ "$mem_gb" -ge "$need_gb" ]; then
    mount -t tmpfs -o "mode=755,size=$((mem_gb * 3 / 4))g" izde-fresh "$ROOTS_DIR"
    TMPFS=1
    say "work roots in $ROOTS_DIR (tmpfs)"
else
    say "work roots in $ROOTS_DIR (disk)"
fi

if [ -n "$(git -c safe.directory="$REPO" -C "$REPO" status --porcelain)" ]; then
    say "note: uncommitted changes in $REPO are not tested; testing the committed HEAD"
fi
say "testing $(git -c safe.directory="$REPO" -C "$REPO" log -1 --format='%h %s' | cut -c1-100)"

# --- the pristine root --------------------------------------------------------
with_lock build_pristine

# --- README command 1 in a fresh root -----------------------------------------
readme_command 1 root1 "$HEAD1"
R1=$R
n1=$(wc -l <"$WORK/steps1")
run_steps command1 "$R1" /root/izde "$WORK/steps1" "$n1"
say "command 1 printed $(wc -l <"$LOGS/command1-$n1.out") lines; the last: $(tail -n 1 "$LOGS/command1-$n1.out")"

# --- the .deb: built in the first root, installed in a second ---------------
if [ "$DEB" -eq 1 ]; then
    echo 'cd build && cpack -G DEB' >"$WORK/steps-cpack"
    run_steps deb-build "$R1" /root/izde "$WORK/steps-cpack"
    set -- "$R1"/root/izde/build/izde_*.deb
    if [ ! -f "$1" ]; then say "cpack made no build/izde_*.deb" >&2; exit 1; fi
    if [ $# -ne 1 ]; then say "cpack made $# packages build/izde_*.deb; expected one" >&2; exit 1; fi
    DEBFILE=$1
    bytes=$(stat -c %s "$DEBFILE")
    say "package ${DEBFILE##*/}: $bytes bytes ($(du -h "$DEBFILE" | cut -f1))"
    if command -v dpkg-deb >/dev/null 2>&1; then
        say "  Depends: $(dpkg-deb -f "$DEBFILE" Depends)"
    fi
    record deb-build - - ok "${DEBFILE##*/}: $bytes bytes"

    save_debs root1    # root2 gets what root1 downloaded
    new_root root2
    R2=$R
    cp "$DEBFILE" "$R2/root/"
    cp -a "$R1/root/izde/corpus" "$R2/root/corpus"
    cat >"$WORK/steps-deb" <<'EOF'
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y ./izde_*.deb
izde index --db /tmp/db corpus/
izde search --db /tmp/db Казахстане
izde --version
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends man-db
man -P cat izde
test -f /usr/share/bash-completion/completions/izde
EOF
    run_steps deb-use "$R2" /root "$WORK/steps-deb" 4 5 7
    grep -q izde "$LOGS/deb-use-7.out" || { say "[deb-use] 'man -P cat izde' does not mention izde" >&2; exit 1; }
    say "installed izde: $(head -n 1 "$LOGS/deb-use-5.out"); search: $(tail -n 1 "$LOGS/deb-use-4.out")"
fi

# --- README command 2 in a fresh root (--command2) ------------------------------
if [ "$CMD2" -eq 1 ]; then
    readme_command 2 root3 "$HEAD2"
    run_steps command2 "$R" /root/izde "$WORK/steps2"
fi

OK=1
