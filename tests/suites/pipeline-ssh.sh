#!/bin/sh
# shellcheck source-path=SCRIPTDIR
# GNU parallel over real ssh: two private sshd's on loopback (throw-away host and client
# keys, high ports, their own config files; nothing of the system's ssh set-up is used or
# changed) stand for two hosts. run.sh -j 2 --hosts gives the serial run's outputs byte for
# byte, with and without --transfer; without rsync, with an unreachable host, and with a
# host that dies mid-run it fails with status 3, names the host, and publishes nothing.
set -u
# shellcheck source=pipeline-common.inc
. "$(dirname "$0")/pipeline-common.inc"
R=$P/run.sh
if ! built; then skip pipeline/ssh "$missing is not built"; exit 0; fi
for c in parallel ssh ssh-keygen rsync; do
	if ! command -v "$c" >/dev/null; then skip pipeline/ssh "$c is not installed (Debian: openssh-client, openssh-server, rsync, parallel)"; exit 0; fi
done
sshd=$(command -v sshd || echo /usr/sbin/sshd)
if [ ! -x "$sshd" ]; then skip pipeline/ssh "sshd is not installed (Debian: openssh-server)"; exit 0; fi
# sshd run by root wants its privilege separation folder, which the service would create.
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then mkdir -p /run/sshd 2>/dev/null; fi

S=$T/ssh
mkdir -p "$S"
if ! ssh-keygen -q -t ed25519 -N '' -f "$S/host_key" || ! ssh-keygen -q -t ed25519 -N '' -f "$S/client_key"; then
	skip pipeline/ssh "ssh-keygen failed"
	exit 0
fi
cp "$S/client_key.pub" "$S/authorized_keys"
# Sessions get a HOME of their own: the user's shell start-up files (a .bashrc that starts
# pyenv or prints) are no part of the test and could stall or spoil it.
mkdir -p "$S/home"
chmod 600 "$S/authorized_keys"
user=$(id -un)

# start_sshd NAME: an sshd on a free high port of 127.0.0.1; sets port_NAME and its pid.
pids=""
start_sshd() {
	tries=0
	while [ "$tries" -lt 20 ]; do
		tries=$((tries + 1))
		port=$((20000 + ($$ * 7 + tries * 131 + ${#1} * 1009) % 40000))
		cat >"$S/sshd_$1" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $S/host_key
AuthorizedKeysFile $S/authorized_keys
PidFile $S/sshd_$1.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
MaxStartups 100
MaxSessions 100
SetEnv TEST_HOST=$1 HOME=$S/home
EOF
		rm -f "$S/sshd_$1.pid"
		"$sshd" -f "$S/sshd_$1" -E "$S/sshd_$1.log" 2>>"$S/sshd_$1.err" || continue
		n=0
		while [ ! -s "$S/sshd_$1.pid" ] && [ "$n" -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
		[ -s "$S/sshd_$1.pid" ] || continue
		pid=$(cat "$S/sshd_$1.pid")
		pids="$pids $pid"
		cat >>"$S/config" <<EOF
Host $1
  HostName 127.0.0.1
  Port $port
  User $user
  IdentityFile $S/client_key
  IdentitiesOnly yes
  UserKnownHostsFile $S/known_hosts
  StrictHostKeyChecking accept-new
  BatchMode yes
  ConnectTimeout 10
  LogLevel ERROR
EOF
		if ssh -F "$S/config" "$1" true 2>>"$S/sshd_$1.log"; then
			eval "pid_$1=\$pid"
			return 0
		fi
		kill "$pid" 2>/dev/null
	done
	return 1
}
# kill_tree PID: PID and every process under it, by id (a host that dies: its sshd and the
# sessions it serves).
kill_tree() {
	for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$c"; done
	kill -KILL "$1" 2>/dev/null
}
trap 'for p in $pids; do kill_tree "$p"; done; rm -rf "$T"' EXIT
: >"$S/config"
if ! start_sshd hostA || ! start_sshd hostB; then
	skip pipeline/ssh "could not start a private sshd on loopback: $(tail -n 2 "$S"/sshd_host*.log "$S"/sshd_host*.err 2>/dev/null | tr '\n' '|')"
	exit 0
fi
# An unreachable host: nothing listens on port 1.
cat >>"$S/config" <<EOF
Host hostDead
  HostName 127.0.0.1
  Port 1
  User $user
  IdentityFile $S/client_key
  BatchMode yes
  ConnectTimeout 5
EOF
# sshlogins with the ssh command in front (GNU parallel's "sshcommand user@host" form).
printf 'ssh -F %s hostA\nssh -F %s hostB\n' "$S/config" "$S/config" >"$T/hosts"
printf 'ssh -F %s hostA\nssh -F %s hostDead\n' "$S/config" "$S/config" >"$T/hosts-dead"

corpus "$T/corpus" 24
for in in "$TOP/data/sample" "$T/corpus"; do
	set=$(basename "$in")
	if ! (cd "$T" && sh "$R" -q "$in" "serial-$set") 2>"$T/log"; then
		fail "pipeline/ssh-$set-serial" "$(tail -n 2 "$T/log" | tr '\n' '|')"
		continue
	fi
	for mode in plain --transfer; do
		# (--transfer on the small set only: copying is the same work whatever the set.)
		if [ "$mode" = plain ]; then mode=""; elif [ "$set" != sample ]; then continue; fi
		name=pipeline/ssh-$set${mode:+-transfer}
		# shellcheck disable=SC2086 # an empty mode is no word
		if (cd "$T" && sh "$R" -q -j 2 --hosts hosts $mode "$in" "par") 2>"$T/log" &&
			same_outputs "$T/serial-$set" "$T/par" 2>"$T/why"; then
			ok "$name"
		else
			fail "$name" "$(cat "$T/why" 2>/dev/null) $(tail -n 3 "$T/log" | tr '\n' '|')"
		fi
		rm -rf "$T/par"
	done
done

# The failures below run on top of good outputs, which must stay as they are.
in=$TOP/data/sample
fresh() { rm -rf "$T/out" && cp -RL "$T/serial-sample" "$T/out"; }
# kept NAME WANT_STATUS GREP: status, message and untouched outputs of the run just made.
kept() {
	why=""
	[ "$st" -eq "$2" ] || why="status $st, expected $2;"
	grep -q "$3" "$T/log" || why="$why no message matching '$3';"
	grep -q 'nothing published' "$T/log" || why="$why no 'nothing published';"
	same_outputs "$T/serial-sample" "$T/out" 2>/dev/null || why="$why the previous outputs changed;"
	if [ -z "$why" ]; then ok "$1"; else fail "$1" "$why $(tail -n 3 "$T/log" | tr '\n' '|')"; fi
}

# --transfer without rsync: GNU parallel cannot copy the inputs.
mkdir -p "$T/norsync"
printf '#!/bin/sh\necho "rsync: command not found (test)" >&2\nexit 127\n' >"$T/norsync/rsync"
chmod +x "$T/norsync/rsync"
fresh
st=0
(cd "$T" && PATH=$T/norsync:$PATH sh "$R" -q -j 2 --hosts hosts --transfer "$in" out) 2>"$T/log" || st=$?
kept pipeline/ssh-transfer-without-rsync 3 'GNU parallel failed'

# A host that cannot be reached.
fresh
st=0
(cd "$T" && sh "$R" -q -j 2 --hosts hosts-dead "$in" out) 2>"$T/log" || st=$?
kept pipeline/ssh-unreachable-host 3 'hostDead failed with status 255'

# A host that dies mid-run: segment made slow and saying when it starts on hostB (its sshd
# sets TEST_HOST), then hostB's sshd and its sessions killed while the shard runs there.
fake_bin "$T/slow"
fake_prog "$T/slow" segment <<EOF
#!/bin/sh
[ "\${TEST_HOST:-}" != hostB ] || : >"$T/started-on-b"
sleep 2
exec "$BIN/segment" "\$@"
EOF
fresh
st=0
(cd "$T" && BIN=$T/slow sh "$R" -q -j 1 --batch 2 --hosts hosts "$in" out) 2>"$T/log" &
run=$!
n=0
while [ ! -e "$T/started-on-b" ] && [ "$n" -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
# shellcheck disable=SC2154 # set by start_sshd through eval
kill_tree "$pid_hostB"
wait "$run" || st=$?
kept pipeline/ssh-host-dies-mid-run 3 'hostB failed'
