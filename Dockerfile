# One image recipe for all six services: docker build --build-arg SERVICE=triage-service -t vigie/triage-service .
# Build the jars first (./mvnw -B -DskipTests package); the image only packages what the build produced.

FROM eclipse-temurin:17-jre AS layers
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar app.jar
# Boot's layers (dependencies, loader, snapshot dependencies, application) become image layers, so a code change
# ships as a few hundred kilobytes instead of the whole dependency tree.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system vigie && useradd --system --gid vigie --home /app vigie
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER vigie
ENV SERVER_ADDRESS=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
