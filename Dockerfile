# syntax=docker/dockerfile:1
# HonchoBot: build, test and publish with the SDK image; run on the ASP.NET runtime image as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# The PostgreSQL store's tests start a throwaway PostgreSQL 15 cluster (tests/Shared/PostgresCluster.cs) and need
# its server binaries at /usr/lib/postgresql/15/bin; the build stage only, never the runtime image.
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
 && install -d /usr/share/postgresql-common/pgdg \
 && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc \
 && . /etc/os-release \
 && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt ${VERSION_CODENAME}-pgdg main" > /etc/apt/sources.list.d/pgdg.list \
 && apt-get update && apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/*

# Restore with only the project files, so this layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig HonchoBot.sln ./
COPY src/HonchoBot.Core/HonchoBot.Core.csproj src/HonchoBot.Core/
COPY src/HonchoBot.Embeddings/HonchoBot.Embeddings.csproj src/HonchoBot.Embeddings/
COPY src/HonchoBot.Discord/HonchoBot.Discord.csproj src/HonchoBot.Discord/
COPY src/HonchoBot.Slack/HonchoBot.Slack.csproj src/HonchoBot.Slack/
COPY src/HonchoBot.Charts/HonchoBot.Charts.csproj src/HonchoBot.Charts/
COPY src/HonchoBot.Host/HonchoBot.Host.csproj src/HonchoBot.Host/
COPY src/HonchoBot.Store.Postgres/HonchoBot.Store.Postgres.csproj src/HonchoBot.Store.Postgres/
COPY tests/Directory.Build.props tests/xunit.runner.json tests/
COPY tests/HonchoBot.Core.Tests/HonchoBot.Core.Tests.csproj tests/HonchoBot.Core.Tests/
COPY tests/HonchoBot.Embeddings.Tests/HonchoBot.Embeddings.Tests.csproj tests/HonchoBot.Embeddings.Tests/
COPY tests/HonchoBot.Discord.Tests/HonchoBot.Discord.Tests.csproj tests/HonchoBot.Discord.Tests/
COPY tests/HonchoBot.Slack.Tests/HonchoBot.Slack.Tests.csproj tests/HonchoBot.Slack.Tests/
COPY tests/HonchoBot.Charts.Tests/HonchoBot.Charts.Tests.csproj tests/HonchoBot.Charts.Tests/
COPY tests/HonchoBot.Host.Tests/HonchoBot.Host.Tests.csproj tests/HonchoBot.Host.Tests/
COPY tests/HonchoBot.Store.Postgres.Tests/HonchoBot.Store.Postgres.Tests.csproj tests/HonchoBot.Store.Postgres.Tests/
COPY benchmarks/HonchoBot.Benchmarks/HonchoBot.Benchmarks.csproj benchmarks/HonchoBot.Benchmarks/
RUN dotnet restore HonchoBot.sln

COPY . .
RUN dotnet build HonchoBot.sln -c Release --no-restore
RUN dotnet test HonchoBot.sln -c Release --no-build
# For linux-x64 only: the embedding runtime ships native libraries for every platform otherwise (about 260 MB).
RUN dotnet publish src/HonchoBot.Host/HonchoBot.Host.csproj -c Release -r linux-x64 --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The shipped corpus and appsettings.json are published next to the executable (see HonchoBot.Host.csproj).

# The data directory (added sources, index, audit log) is a volume owned by the image's non-root user
# ("app", uid 1654 in the .NET images). With a bind mount, give it to that uid: chown 1654 <dir>.
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
ENV Data__Path=/data \
    Server__Urls=http://+:8080 \
    DOTNET_gcServer=0
USER app
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["dotnet", "/app/honcho.dll", "health"]
ENTRYPOINT ["dotnet", "/app/honcho.dll", "serve"]
