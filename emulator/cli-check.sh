#!/usr/bin/env bash
# Runs the AWS CLI guide's own commands (../shared/seed: bucket, policy, create/describe/cancel export
# task) with AWS CLI v2 against a fresh emulator, and checks the answers. Prints "N passed, M failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AWS="${AWS_CLI:-/usr/bin/aws}"
WORK="$(mktemp -d)"
EMULATOR_PID=""
passed=0
failed=0

cleanup() {
  if [[ -n "$EMULATOR_PID" ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! "$AWS" --version 2>&1 | grep -q '^aws-cli/2\.'; then
  echo "AWS CLI v2 not found at $AWS" >&2
  exit 2
fi

export AWS_ACCESS_KEY_ID=AKIDCLICHECK AWS_SECRET_ACCESS_KEY=cli-check-secret AWS_PAGER="" AWS_MAX_ATTEMPTS=1
export AWS_CONFIG_FILE="$WORK/config" AWS_SHARED_CREDENTIALS_FILE="$WORK/credentials"
unset AWS_PROFILE AWS_ENDPOINT_URL AWS_DEFAULT_REGION AWS_REGION || true

# Port 0: the emulator picks a free port and prints its URL, which we read back.
# Each CLI call takes a second or more (several under CI load, and the CLI itself retries LimitExceeded),
# so the first task stays PENDING until it is cancelled; later phases are shortened through /_emulator/config.
EMULATOR_EXPORT_PENDING_MS=120000 EMULATOR_EXPORT_RUNNING_MS=2000 EMULATOR_EXPORT_CANCEL_MS=300 \
  node "$ROOT/node_modules/tsx/dist/cli.mjs" "$ROOT/emulator/main.ts" --port 0 >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://[0-9.:]*' "$WORK/emulator.log" | head -1 || true)"
  [[ -n "$URL" ]] && break
  sleep 0.1
done
if [[ -z "$URL" ]]; then
  echo "emulator did not start:" >&2
  cat "$WORK/emulator.log" >&2
  exit 1
fi
echo "emulator at $URL"

aws() { "$AWS" --endpoint-url "$URL" --region us-east-2 --output json "$@"; }

# run NAME -- command...: captures stdout+stderr in $OUT and the exit code in $RC.
run() {
  set +e
  OUT="$("$@" 2>&1)"
  RC=$?
  set -e
}

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; echo "$OUT" | sed 's/^/     /'; }

# expect NAME JS: JS is evaluated with `o` = parsed JSON output; must be true and the command must succeed.
expect() {
  if [[ $RC -eq 0 ]] && OUT_JSON="$OUT" node -e "const o = JSON.parse(process.env.OUT_JSON || '{}'); process.exit(($2) ? 0 : 1)" 2>/dev/null; then
    ok "$1"
  else
    bad "$1"
  fi
}

# expect_error NAME TEXT: the command must fail and print TEXT.
expect_error() {
  if [[ $RC -ne 0 ]] && grep -qF -- "$2" <<<"$OUT"; then ok "$1"; else bad "$1"; fi
}

# Step 1 of the guide: the bucket, in the log group's Region.
run aws s3api create-bucket --bucket my-exported-logs --create-bucket-configuration LocationConstraint=us-east-2
expect "create-bucket returns its location" "o.Location === '/my-exported-logs'"
run aws s3api create-bucket --bucket my-exported-logs --create-bucket-configuration LocationConstraint=us-east-2
expect_error "create-bucket twice is BucketAlreadyOwnedByYou" "BucketAlreadyOwnedByYou"
run aws s3api get-bucket-location --bucket my-exported-logs
expect "get-bucket-location says us-east-2" "o.LocationConstraint === 'us-east-2'"

run aws logs create-log-group --log-group-name my-log-group
expect "create-log-group" "true"
run aws logs create-log-stream --log-group-name my-log-group --log-stream-name my-log-stream
expect "create-log-stream" "true"
NOW=$(node -e 'console.log(Date.now())')
FROM=$((NOW - 600000))
run aws logs put-log-events --log-group-name my-log-group --log-stream-name my-log-stream \
  --log-events "timestamp=$((NOW - 300000)),message=hello from the guide" "timestamp=$((NOW - 200000)),message=second line"
expect "put-log-events" "!o.rejectedLogEventsInfo"

# Without the step 3 policy, CloudWatch Logs may not touch the bucket.
run aws logs create-export-task --log-group-name my-log-group --from "$FROM" --to "$NOW" --destination my-exported-logs
expect_error "create-export-task without a bucket policy fails" "GetBucketAcl call on the given bucket failed"

# Step 3: the guide's same-account policy, with the principal for our Region.
cat >"$WORK/policy.json" <<'JSON'
{ "Version": "2012-10-17", "Statement": [ { "Action": "s3:GetBucketAcl", "Effect": "Allow", "Resource": "arn:aws:s3:::my-exported-logs", "Principal": { "Service": "logs.us-east-2.amazonaws.com" } }, { "Action": "s3:PutObject" , "Effect": "Allow", "Resource": "arn:aws:s3:::my-exported-logs/*", "Condition": { "StringEquals": { "s3:x-amz-acl": "bucket-owner-full-control" } }, "Principal": { "Service": "logs.us-east-2.amazonaws.com" } } ] }
JSON
run aws s3api put-bucket-policy --bucket my-exported-logs --policy "file://$WORK/policy.json"
expect "put-bucket-policy" "true"
run aws s3api get-bucket-policy --bucket my-exported-logs
expect "get-bucket-policy returns it" "JSON.parse(o.Policy).Statement[0].Principal.Service === 'logs.us-east-2.amazonaws.com'"
run aws s3api put-bucket-policy --bucket my-exported-logs --policy '{"Statement": ['
expect_error "malformed policy is MalformedPolicy" "MalformedPolicy"

# Step 4: the guide's create-export-task, flags as printed.
run aws logs create-export-task --task-name "my-log-group-09-10-2015" --log-group-name "my-log-group" \
  --from 1441490400000 --to 1441494000000 --destination "my-exported-logs" --destination-prefix "export-task-output"
expect "create-export-task returns a taskId" "/^[0-9a-f-]{36}$/.test(o.taskId)"
TASK1="$(OUT_JSON="$OUT" node -e 'console.log(JSON.parse(process.env.OUT_JSON).taskId)' 2>/dev/null || echo none)"

run aws logs create-export-task --log-group-name my-log-group --from "$FROM" --to "$NOW" --destination my-exported-logs
expect_error "a second active task is LimitExceededException" "Resource limit exceeded."

# Step 5: describe, by id.
run aws logs describe-export-tasks --task-id "$TASK1"
expect "describe-export-tasks --task-id" "o.exportTasks.length === 1 && o.exportTasks[0].taskName === 'my-log-group-09-10-2015' && ['PENDING','RUNNING'].includes(o.exportTasks[0].status.code) && o.exportTasks[0].destinationPrefix === 'export-task-output'"

# Step 6: cancel it.
run aws logs cancel-export-task --task-id "$TASK1"
expect "cancel-export-task" "true"
run aws logs describe-export-tasks --task-id "$TASK1"
expect "cancelled task shows PENDING_CANCEL or CANCELLED" "['PENDING_CANCEL','CANCELLED'].includes(o.exportTasks[0].status.code)"
sleep 0.5
run aws logs describe-export-tasks --status-code CANCELLED
expect "describe-export-tasks --status-code CANCELLED" "o.exportTasks.length === 1 && o.exportTasks[0].taskId === '$TASK1'"
run aws logs cancel-export-task --task-id "$TASK1"
expect_error "cancelling a finished task is InvalidOperationException" "InvalidOperationException"
# AWS's exact words, without a final period (moto's AWS-verified test asserts the same text).
if grep -qE "The specified export task has already finished$" <<<"$OUT"; then ok "…with AWS's message"; else bad "…with AWS's message"; fi
run aws logs cancel-export-task --task-id 00000000-0000-4000-8000-000000000000
expect_error "cancelling an unknown task is ResourceNotFoundException" "The specified export task does not exist."

# A real export of the events above, polled to the end and read back from S3; short phases from here on.
node -e "fetch('$URL/_emulator/config', { method: 'POST', body: JSON.stringify({ pendingMs: 300, runningMs: 700 }) }).then((r) => process.exit(r.ok ? 0 : 1))"
run aws logs create-export-task --task-name recent --log-group-name my-log-group --from "$FROM" --to "$NOW" \
  --destination my-exported-logs --destination-prefix export-task-output
expect "create-export-task for recent events" "/^[0-9a-f-]{36}$/.test(o.taskId)"
TASK2="$(OUT_JSON="$OUT" node -e 'console.log(JSON.parse(process.env.OUT_JSON).taskId)' 2>/dev/null || echo none)"
STATUS=""
for _ in $(seq 1 60); do
  run aws logs describe-export-tasks --task-id "$TASK2"
  STATUS="$(OUT_JSON="$OUT" node -e 'console.log(JSON.parse(process.env.OUT_JSON).exportTasks[0].status.code)' 2>/dev/null || true)"
  [[ "$STATUS" == "COMPLETED" || "$STATUS" == "FAILED" ]] && break
  sleep 0.2
done
expect "the export completes" "o.exportTasks[0].status.code === 'COMPLETED' && o.exportTasks[0].status.message === 'Completed successfully' && o.exportTasks[0].executionInfo.completionTime > 0"
run aws logs describe-export-tasks
expect "describe-export-tasks lists newest first" "o.exportTasks.length === 2 && o.exportTasks[0].taskId === '$TASK2' && o.exportTasks[1].taskId === '$TASK1'"
run aws logs describe-export-tasks --status-code COMPLETED
expect "describe-export-tasks --status-code COMPLETED" "o.exportTasks.length === 1 && o.exportTasks[0].taskId === '$TASK2'"
run aws s3api list-objects-v2 --bucket my-exported-logs --prefix "export-task-output/$TASK2/"
expect "the export wrote a gzip part" "o.Contents.length === 1 && o.Contents[0].Key === 'export-task-output/$TASK2/my-log-stream/000000.gz'"
run aws s3api get-object --bucket my-exported-logs --key "export-task-output/$TASK2/my-log-stream/000000.gz" "$WORK/part.gz"
OUT="$(node -e "process.stdout.write(require('zlib').gunzipSync(require('fs').readFileSync('$WORK/part.gz')).toString())" 2>&1 || true)"
if grep -qE '^[0-9T:.-]+Z hello from the guide$' <<<"$OUT" && grep -qE 'Z second line$' <<<"$OUT"; then
  ok "the part holds both events, one line each with its time"
else
  bad "the part holds both events, one line each with its time"
fi
run aws s3api get-object --bucket my-exported-logs --key export-task-output/aws-logs-write-test "$WORK/probe.txt"
if [[ $RC -eq 0 ]] && [[ "$(cat "$WORK/probe.txt")" == "Permission Check Successful" ]]; then ok "the permission probe object"; else bad "the permission probe object"; fi
# The "download every file" command Logport shows on a completed export's page.
run aws s3 cp --recursive "s3://my-exported-logs/export-task-output/$TASK2/" "$WORK/download/$TASK2/"
if [[ $RC -eq 0 ]] && cmp -s "$WORK/part.gz" "$WORK/download/$TASK2/my-log-stream/000000.gz"; then
  ok "s3 cp --recursive downloads the export's files"
else
  bad "s3 cp --recursive downloads the export's files"
fi

run aws logs create-export-task --log-group-name my-log-group --from "$FROM" --to "$NOW" --destination no-such-bucket-here
expect_error "an unknown bucket is rejected" "The given bucket does not exist. Please make sure the bucket is valid."
run aws logs create-export-task --log-group-name no-such-group --from "$FROM" --to "$NOW" --destination my-exported-logs
expect_error "an unknown log group is ResourceNotFoundException" "The specified log group does not exist."
run aws logs create-export-task --log-group-name my-log-group --from "$NOW" --to "$FROM" --destination my-exported-logs
expect_error "from after to is rejected" "from value is lesser than the to value"
run aws sts get-caller-identity
expect "sts get-caller-identity" "o.Account === '123456789012'"

# Log group tags (by the ARN without the trailing :*, and the deprecated by-name calls) and retention.
GROUP_ARN="arn:aws:logs:us-east-2:123456789012:log-group:my-log-group"
# (logGroupArn, which has no :*, is newer than this CLI's model, so the CLI drops it; the SDK tests check it.)
run aws logs describe-log-groups --log-group-name-prefix my-log-group
expect "describe-log-groups gives arn with :*" "o.logGroups[0].arn === '$GROUP_ARN:*'"
run aws logs tag-resource --resource-arn "$GROUP_ARN" --tags archive=true,team=core
expect "tag-resource by the ARN without :*" "true"
run aws logs list-tags-for-resource --resource-arn "$GROUP_ARN"
expect "list-tags-for-resource" "o.tags.archive === 'true' && o.tags.team === 'core'"
run aws logs list-tags-for-resource --resource-arn "$GROUP_ARN:*"
expect_error "the ARN with :* is refused, as AWS does" "(ValidationException) when calling the ListTagsForResource operation"
if grep -qE "Invalid resourceArn$" <<<"$OUT"; then ok "…with AWS's message"; else bad "…with AWS's message"; fi
run aws logs untag-resource --resource-arn "$GROUP_ARN" --tag-keys team
expect "untag-resource" "true"
run aws logs list-tags-log-group --log-group-name my-log-group
expect "list-tags-log-group (deprecated) sees the same tags" "JSON.stringify(o.tags) === JSON.stringify({ archive: 'true' })"
run aws logs tag-log-group --log-group-name my-log-group --tags '{"bad*key":"x"}'
expect_error "tag keys follow the API model's pattern" "Map keys must satisfy constraint"
run aws logs put-retention-policy --log-group-name my-log-group --retention-in-days 7
expect "put-retention-policy" "true"
run aws logs delete-retention-policy --log-group-name my-log-group
expect "delete-retention-policy" "true"
run aws logs describe-log-groups --log-group-name-prefix my-log-group
expect "no retention after delete-retention-policy" "o.logGroups[0].retentionInDays === undefined"

# Another account (a 12-digit access key id acts as that account) with a role the first account may assume,
# only with the external id its trust policy asks for.
as_account() { AWS_ACCESS_KEY_ID="$1" "$AWS" --endpoint-url "$URL" --region us-east-2 --output json "${@:2}"; }
cat >"$WORK/trust.json" <<'JSON'
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "sts:AssumeRole", "Condition": { "StringEquals": { "sts:ExternalId": "logport-cli-check" } } } ] }
JSON
ROLE_ARN="arn:aws:iam::111111111111:role/LogportExporter"
run as_account 111111111111 iam create-role --role-name LogportExporter --assume-role-policy-document "file://$WORK/trust.json"
expect "iam create-role in another account" "o.Role.Arn === '$ROLE_ARN' && /^AROA/.test(o.Role.RoleId)"
run as_account 111111111111 iam get-role --role-name LogportExporter
expect "iam get-role returns the trust policy (IAM URL-encodes it, the CLI decodes it)" "o.Role.AssumeRolePolicyDocument.Statement[0].Principal.AWS === 'arn:aws:iam::123456789012:root'"
run aws iam get-role --role-name LogportExporter
expect_error "roles belong to their account" "The role with name LogportExporter cannot be found."
run aws sts assume-role --role-arn "$ROLE_ARN" --role-session-name cli-check
expect_error "assume-role without the external id is refused" "User: arn:aws:iam::123456789012:user/sandbox is not authorized to perform: sts:AssumeRole on resource: $ROLE_ARN"
run aws sts assume-role --role-arn "$ROLE_ARN" --role-session-name cli-check --external-id logport-cli-check --duration-seconds 900
expect "assume-role returns temporary credentials" "/^ASIA/.test(o.Credentials.AccessKeyId) && o.Credentials.SessionToken.length > 100 && o.AssumedRoleUser.Arn === 'arn:aws:sts::111111111111:assumed-role/LogportExporter/cli-check'"
CREDS="$OUT"
cred() { OUT_JSON="$CREDS" node -e "console.log(JSON.parse(process.env.OUT_JSON).Credentials.$1)" 2>/dev/null || echo none; }
ROLE_KEY="$(cred AccessKeyId)" ROLE_SECRET="$(cred SecretAccessKey)" ROLE_TOKEN="$(cred SessionToken)"
as_role() {
  AWS_ACCESS_KEY_ID="$ROLE_KEY" AWS_SECRET_ACCESS_KEY="$ROLE_SECRET" AWS_SESSION_TOKEN="$ROLE_TOKEN" \
    "$AWS" --endpoint-url "$URL" --region us-east-2 --output json "$@"
}
run as_role sts get-caller-identity
expect "get-caller-identity with the role's credentials names the session" "o.Account === '111111111111' && o.Arn === 'arn:aws:sts::111111111111:assumed-role/LogportExporter/cli-check'"
run as_role logs create-log-group --log-group-name /made/by/the-role
expect "the role's credentials act in its account" "true"
run as_account 111111111111 logs describe-log-groups --log-group-name-prefix /made/by/
expect "…where the account sees the group" "o.logGroups.length === 1"
run env -u AWS_SESSION_TOKEN AWS_ACCESS_KEY_ID="$ROLE_KEY" AWS_SECRET_ACCESS_KEY="$ROLE_SECRET" \
  "$AWS" --endpoint-url "$URL" --region us-east-2 logs describe-log-groups
expect_error "the credentials without their session token are refused" "The security token included in the request is invalid."
run as_account 111111111111 s3api get-bucket-policy --bucket my-exported-logs
expect_error "another account may not read the bucket policy" "AccessDenied"


echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
