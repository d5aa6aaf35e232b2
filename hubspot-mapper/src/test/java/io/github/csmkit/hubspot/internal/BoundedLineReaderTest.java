package io.github.csmkit.hubspot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
  private static List<BoundedLineReader.Line> lines(Reader in, int max) throws IOException {
    List<BoundedLineReader.Line> out = new ArrayList<>();
    try (BoundedLineReader r = new BoundedLineReader(in, max)) {
      for (BoundedLineReader.Line l; (l = r.readLine()) != null; ) {
        out.add(l);
      }
    }
    return out;
  }

  @Test
  void splitsOnLfCrlfAndCrLikeReadLine() throws IOException {
    assertThat(lines(new StringReader("a\nbb\r\nccc\rd\r\n\ne"), 10))
        .extracting(BoundedLineReader.Line::text)
        .containsExactly("a", "bb", "ccc", "d", "", "e");
    assertThat(lines(new StringReader(""), 10)).isEmpty();
    assertThat(lines(new StringReader("a\n"), 10))
        .extracting(BoundedLineReader.Line::text)
        .containsExactly("a");
  }

  @Test
  void aLineOfExactlyTheLimitIsWholeAndOneMoreIsCut() throws IOException {
    assertThat(lines(new StringReader("abcd\nabcde\nx"), 4))
        .containsExactly(
            new BoundedLineReader.Line("abcd", false),
            new BoundedLineReader.Line("abcd", true),
            new BoundedLineReader.Line("x", false));
  }

  @Test
  void aCrlfSplitAcrossReadsIsOneLineEnd() throws IOException {
    // a reader that hands out one char a call, so "\r" and "\n" arrive in separate fills
    Reader trickle =
        new StringReader("a\r\nb\r\n") {
          @Override
          public int read(char[] cbuf, int off, int len) throws IOException {
            return super.read(cbuf, off, Math.min(1, len));
          }
        };
    assertThat(lines(trickle, 10))
        .extracting(BoundedLineReader.Line::text)
        .containsExactly("a", "b");
  }

  @Test
  void aHugeLineIsNeverHeldWhole() throws IOException {
    // 50 million characters streamed, never materialised: only the first 16 are kept
    long size = 50_000_000L;
    Reader endless =
        new Reader() {
          long left = size;

          @Override
          public int read(char[] cbuf, int off, int len) {
            if (left == 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(cbuf, off, off + n, 'x');
            left -= n;
            if (left == 0) {
              cbuf[off + n - 1] = '\n';
            }
            return n;
          }

          @Override
          public void close() {}
        };
    assertThat(lines(endless, 16))
        .containsExactly(new BoundedLineReader.Line("x".repeat(16), true));
  }
}
