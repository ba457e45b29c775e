#!/usr/bin/env bash
# The main demo on the embedded default: a fresh store, an RSA signing key and a symmetric key,
# a file encrypted and decrypted, a signature made and verified, the symmetric key rotated, and
# the ciphertext made before the rotation still decrypted. Uses only ./keywarden (it builds on
# first use). Usage: bash samples/cli-demo.sh [WORKDIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
kw="$repo/keywarden"
work="${1:-$(mktemp -d -t keywarden-demo.XXXXXX)}"
step() { printf '\n== %s\n' "$*"; }

step "Create a store in $work/store"
"$kw" init "$work/store"
export KEYWARDEN_CONFIG="$work/store/keywarden.conf"

step "Create a symmetric key and give it an alias"
sym=$("$kw" kms create-key --description "demo data key" --query KeyMetadata.KeyId --output text)
"$kw" kms create-alias --alias-name alias/demo --target-key-id "$sym"
echo "symmetric key: $sym (alias/demo)"

step "Create an RSA_2048 signing key"
rsa=$("$kw" kms create-key --key-spec RSA_2048 --key-usage SIGN_VERIFY --query KeyMetadata.KeyId --output text)
echo "RSA key: $rsa"

step "Encrypt a file with alias/demo and an encryption context"
printf 'The eagle lands at midnight.\n' > "$work/secret.txt"
"$kw" kms encrypt --key-id alias/demo --plaintext "fileb://$work/secret.txt" \
    --encryption-context purpose=demo --query CiphertextBlob --output text | base64 -d > "$work/secret.enc"
echo "ciphertext: $(wc -c < "$work/secret.enc") bytes"

step "Sign the file with the RSA key, then verify the signature"
"$kw" kms sign --key-id "$rsa" --message "fileb://$work/secret.txt" --message-type RAW \
    --signing-algorithm RSASSA_PSS_SHA_256 --query Signature --output text | base64 -d > "$work/secret.sig"
"$kw" kms verify --key-id "$rsa" --message "fileb://$work/secret.txt" --message-type RAW \
    --signing-algorithm RSASSA_PSS_SHA_256 --signature "fileb://$work/secret.sig" --query SignatureValid --output text

step "Rotate the symmetric key on demand"
"$kw" kms rotate-key-on-demand --key-id "$sym" > /dev/null
"$kw" kms list-key-rotations --key-id "$sym" --query Rotations --output json

step "Decrypt the ciphertext made before the rotation"
"$kw" kms decrypt --ciphertext-blob "fileb://$work/secret.enc" --encryption-context purpose=demo \
    --query Plaintext --output text | base64 -d > "$work/secret.out"
cmp "$work/secret.txt" "$work/secret.out"
echo "decrypted: $(cat "$work/secret.out")"

step "A wrong encryption context is refused"
if "$kw" kms decrypt --ciphertext-blob "fileb://$work/secret.enc" --encryption-context purpose=other 2> "$work/err.txt"; then
    echo "unexpected: decryption with the wrong context succeeded" >&2
    exit 1
fi
cat "$work/err.txt"

step "Demo finished: every step worked"
