@echo off
rem csmkit: runs the csmkit command with the Java 17+ in JAVA_HOME, else the one on the PATH.
rem CSMKIT_JAVA_OPTS adds JVM options (for example -Xmx2g). Exit code 3 when no usable Java is found.
setlocal
set "CSMKIT_HOME=%~dp0.."
set "JAVA_EXE="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_EXE for %%j in (java.exe) do if not "%%~$PATH:j"=="" set "JAVA_EXE=%%~$PATH:j"
if not defined JAVA_EXE (
  echo csmkit: no Java found. csmkit needs Java 17 or newer: install one ^(for example from https://adoptium.net^), then put it on the PATH or set JAVA_HOME. 1>&2
  exit /b 3
)
set "JAVA_VERSION="
rem the doubled quotes survive cmd /c's quote stripping, so a path with spaces works
for /f "tokens=3" %%v in ('""%JAVA_EXE%" -version 2>&1 | findstr /i version"') do if not defined JAVA_VERSION set "JAVA_VERSION=%%~v"
set "JAVA_MAJOR=0"
for /f "tokens=1,2 delims=." %%a in ("%JAVA_VERSION%") do (if "%%a"=="1" (set "JAVA_MAJOR=%%b") else (set "JAVA_MAJOR=%%a"))
for /f "delims=-+" %%m in ("%JAVA_MAJOR%") do set "JAVA_MAJOR=%%m"
if %JAVA_MAJOR% LSS 17 (
  echo csmkit: "%JAVA_EXE%" is Java %JAVA_VERSION%; csmkit needs Java 17 or newer. Set JAVA_HOME to a Java 17+ installation. 1>&2
  exit /b 3
)
"%JAVA_EXE%" %CSMKIT_JAVA_OPTS% -cp "%CSMKIT_HOME%\lib\*" io.github.csmkit.cli.Main %*
exit /b %ERRORLEVEL%
