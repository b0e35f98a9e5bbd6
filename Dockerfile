# Unban Panel image: builds the jar, then runs it as the unprivileged user unban-panel.
# fail2ban-client and faillock run through sudo with the rules in config/sudoers.d/unban-panel, against the host's
# fail2ban: mount the host's /run/fail2ban (and /run/faillock, /var/lib/unban-panel) into the container, and publish
# the port on the host's loopback only (-p 127.0.0.1:8080:8080). See README, "Deployment".
# The evidence behind bans is read from the host's logs with the user's own rights (group adm, gid 4 on Debian):
# mount the host's /var/log read-only at /var/log. Journal jails need journalctl and the host's journal, not in here.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless fail2ban sudo libpam-modules \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/unban-panel --create-home --shell /usr/sbin/nologin --groups adm unban-panel
COPY config/sudoers.d/unban-panel /etc/sudoers.d/unban-panel
COPY src/deb/application.yml /etc/unban-panel/application.yml
COPY --from=build /src/target/unban-panel.jar /opt/unban-panel/unban-panel.jar
RUN chmod 0440 /etc/sudoers.d/unban-panel && visudo -cf /etc/sudoers.d/unban-panel
USER unban-panel
WORKDIR /var/lib/unban-panel
EXPOSE 8080
# the container's own interfaces: outside it, only what is published can reach the port
ENTRYPOINT ["java", "-jar", "/opt/unban-panel/unban-panel.jar", "--spring.config.additional-location=/etc/unban-panel/application.yml", "--server.address=0.0.0.0"]
