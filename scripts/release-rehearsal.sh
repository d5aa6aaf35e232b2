#!/usr/bin/env bash
# Release rehearsal: builds the signed Central bundle exactly as a release would, without uploading it.
#
#   scripts/release-rehearsal.sh [VERSION]      (default 0.1.0)
#
# Uses a throwaway GPG key in a temporary GNUPGHOME and a temporary settings.xml with a dummy
# "central" server (the publishing plugin wants one even when nothing is uploaded). Leaves the
# bundle in target/central-publishing/central-bundle.zip and lists it.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-0.1.0}"

work="$(mktemp -d)"
trap 'gpgconf --homedir "$work/gnupg" --kill all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
export MAVEN_GPG_PASSPHRASE="rehearsal-only"

gpg --batch --pinentry-mode loopback --passphrase "$MAVEN_GPG_PASSPHRASE" \
  --quick-generate-key "csmkit release rehearsal <rehearsal@csmkit.invalid>" rsa3072 sign 1d 2>/dev/null
echo "throwaway key: $(gpg --batch --list-secret-keys --with-colons | awk -F: '/^fpr/ {print $10; exit}')"

cat > "$work/settings.xml" <<'XML'
<settings>
  <servers>
    <server>
      <id>central</id>
      <username>rehearsal</username>
      <password>not-a-real-token</password>
    </server>
  </servers>
</settings>
XML

./mvnw -B -s "$work/settings.xml" -Prelease clean deploy -DskipUpload=true -Dmaven.install.skip=true -Drevision="$version"

bundle=target/central-publishing/central-bundle.zip
test -f "$bundle" || { echo "no bundle at $bundle" >&2; exit 1; }
echo
echo "== $bundle =="
listing="$(unzip -l "$bundle")"
echo "$listing"
# a bundle without a file we require is a failed rehearsal
for f in csm-client-"$version".jar csm-client-"$version".jar.asc csm-client-"$version"-sources.jar \
         csm-client-"$version"-javadoc.jar csm-client-"$version".pom csm-bom-"$version".pom; do
  grep -q "/$f\$" <<<"$listing" || { echo "missing from the bundle: $f" >&2; exit 1; }
done
for f in consumer-check-runner csmkit-parent examples benchmarks csm-cli; do
  if grep -q "/$f/" <<<"$listing"; then echo "must not be in the bundle: $f" >&2; exit 1; fi
done
unzip -q -o "$bundle" -d "$work/bundle"
# every published POM carries the metadata Central requires (and that users read), and no parent
while IFS= read -r pom; do
  for tag in name description url licenses developers scm issueManagement; do
    grep -q "<$tag>\|<$tag " "$pom" || { echo "$(basename "$pom") lacks <$tag>" >&2; exit 1; }
  done
  if grep -q "<parent>" "$pom"; then echo "$(basename "$pom") still has a <parent>" >&2; exit 1; fi
done < <(find "$work/bundle" -name '*.pom')
# the signatures verify against the throwaway key
gpg --batch --verify "$work/bundle/io/github/csmkit/csm-client/$version/csm-client-$version.jar.asc" \
  "$work/bundle/io/github/csmkit/csm-client/$version/csm-client-$version.jar"
echo "rehearsal OK: $bundle"
