package io.github.csmkit.hubspot.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 text that hands out every character before a malformed byte and only then fails.
 * {@link java.io.InputStreamReader} drops the characters it decoded in the same call as the bad
 * byte, so a reader on top of it fails lines too early and reports the wrong line. Not thread-safe.
 */
public final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private final CharBuffer spill = CharBuffer.allocate(2).flip();
  private CharacterCodingException failure;
  private boolean eof;
  private boolean flushed;

  /**
   * Text decoded from {@code in}.
   *
   * @param in the bytes (closed by {@link #close()})
   */
  public Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (spill.hasRemaining() && out.hasRemaining()) {
      out.put(spill.get());
    }
    while (out.position() == off) {
      if (failure != null) {
        throw failure;
      }
      if (flushed) {
        return -1;
      }
      // decode into a buffer of at least two chars, so a surrogate pair always fits
      CharBuffer target = out.remaining() >= 2 ? out : spill.clear();
      CoderResult r = decoder.decode(bytes, target, eof);
      if (r.isError()) {
        try {
          r.throwException();
        } catch (CharacterCodingException e) {
          failure = e;
        }
      } else if (r.isUnderflow()) {
        if (eof) {
          decoder.flush(target);
          flushed = true;
        } else {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
      }
      if (target == spill) {
        spill.flip();
        while (spill.hasRemaining() && out.hasRemaining()) {
          out.put(spill.get());
        }
      }
    }
    return out.position() - off;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
