# Sourced by bench scripts: the bot's environment for a benchmark (test secrets, loopback), a
# Slack Web API stand-in on a free port (bench/slack_stand_in.py, its pid in STAND_IN), and a
# scratch folder (WORK) holding the store, so nothing is written into the working tree.
export SLACK_SIGNING_SECRET=bench-signing-secret SLACK_BOT_TOKEN=xoxb-bench-token HOST=127.0.0.1
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
STAND_IN_PORT=$(free_port)
python3 bench/slack_stand_in.py "$STAND_IN_PORT" & STAND_IN=$!
export SLACK_API_URL="http://127.0.0.1:$STAND_IN_PORT/api/"
WORK=$(mktemp -d)
export MSFTCHINA_DB="jdbc:sqlite:$WORK/bench.db" # the store (issue 11), away from the working tree
