# syntax=docker/dockerfile:1
#
# allclear in a container. Two images from this one file:
#
#   docker build -t allclear .                 the minimal image: the static
#                                              binary on distroless (no shell)
#   docker build --target ci -t allclear:ci .  the same binary on Alpine, with
#                                              a shell and git, for CI jobs
#                                              that run scripts (and notify)
#
# Run it on a site folder (see README.md, "Install"):
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/site" allclear build
#
# The release workflow (.github/workflows/docker.yml) publishes both as
# ghcr.io/OWNER/allclear:VERSION and :VERSION-ci.

# Build: Rust on Alpine targets musl, which links a static binary.
FROM rust:1.95-alpine3.22 AS build
# hadolint ignore=DL3018
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY themes ./themes
# The workspace's other member (the developer tools): cargo reads its
# manifest, but builds only allclear.
COPY crates ./crates
RUN cargo build --release --locked \
    && cp target/release/allclear /allclear \
    && /allclear --version

# For CI: a shell, git (allclear notify reads the site's history) and CA
# certificates for notify's webhooks. No ENTRYPOINT: CI runners (GitLab's
# among them) start the image's shell and run the job's script in it.
FROM alpine:3.22 AS ci
# hadolint ignore=DL3018
RUN apk add --no-cache git ca-certificates
COPY --from=build /allclear /usr/local/bin/allclear
WORKDIR /site
EXPOSE 1111
CMD ["allclear", "build"]

# The default image: the binary alone (distroless static: CA certificates,
# /etc/passwd, no shell), run as the unprivileged user nonroot.
FROM gcr.io/distroless/static-debian12:nonroot AS minimal
COPY --from=build /allclear /usr/local/bin/allclear
WORKDIR /site
EXPOSE 1111
ENTRYPOINT ["/usr/local/bin/allclear"]
CMD ["build"]
