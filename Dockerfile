# Builds the application from this repository and runs it on the "postgres" profile.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY decisions decisions
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 10001 fundmonitor
COPY --from=build /src/target/fund-monitor-*.jar /app/fund-monitor.jar
USER fundmonitor
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Duser.timezone=Asia/Shanghai"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/fund-monitor.jar"]
