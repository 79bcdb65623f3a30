package org.hotline.ticketing.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What uploads are accepted: judged by content, not by the name alone. */
class FileTypesTest {

  @TempDir Path dir;

  private FileTypes.Checked check(String name, byte[] content) throws Exception {
    Path f = dir.resolve("upload-" + System.nanoTime());
    Files.write(f, content);
    return FileTypes.check(name, f);
  }

  @Test
  void acceptsEachAllowedKindWhenTheContentMatches() throws Exception {
    assertThat(check("现场.png", TestFiles.png()).contentType()).isEqualTo("image/png");
    assertThat(check("photo.JPG", TestFiles.jpeg()))
        .isEqualTo(new FileTypes.Checked("image/jpeg", "jpg"));
    assertThat(check("photo.jpeg", TestFiles.jpeg()).extension()).isEqualTo("jpg");
    assertThat(check("回复函.pdf", TestFiles.pdf()).contentType()).isEqualTo("application/pdf");
    assertThat(check("reply.docx", TestFiles.docx()).contentType()).isEqualTo(FileTypes.DOCX);
    assertThat(check("list.xlsx", TestFiles.xlsx()).contentType()).isEqualTo(FileTypes.XLSX);
    assertThat(check("note.txt", "路灯已于今日修复。\r\n".getBytes(StandardCharsets.UTF_8)).contentType())
        .isEqualTo("text/plain; charset=utf-8");
    assertThat(check("gbk.txt", "路灯已修复".getBytes(Charset.forName("GB18030"))).contentType())
        .isEqualTo("text/plain; charset=gb18030");
  }

  @Test
  void refusesContentThatIsNotWhatTheNameClaims() {
    assertThatThrownBy(() -> check("photo.jpg", TestFiles.html()))
        .isInstanceOf(FileTypes.Refused.class)
        .hasMessageContaining("not a JPEG");
    assertThatThrownBy(() -> check("photo.png", TestFiles.jpeg()))
        .isInstanceOf(FileTypes.Refused.class);
    assertThatThrownBy(() -> check("doc.pdf", TestFiles.png()))
        .isInstanceOf(FileTypes.Refused.class);
    // A zip that is no Word document, and a Word document with macros.
    assertThatThrownBy(() -> check("reply.docx", TestFiles.zip("a.txt")))
        .isInstanceOf(FileTypes.Refused.class);
    assertThatThrownBy(() -> check("reply.docx", TestFiles.xlsx()))
        .isInstanceOf(FileTypes.Refused.class);
    assertThatThrownBy(
            () ->
                check(
                    "macro.docx",
                    TestFiles.zip(
                        "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
        .hasMessageContaining("macros");
    assertThatThrownBy(() -> check("broken.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0}))
        .isInstanceOf(FileTypes.Refused.class);
  }

  @Test
  void refusesWebPagesScriptsAndBinariesAsText() {
    assertThatThrownBy(() -> check("page.txt", TestFiles.html()))
        .hasMessageContaining("web page or a script");
    assertThatThrownBy(
            () -> check("x.txt", "  <svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FileTypes.Refused.class);
    assertThatThrownBy(
            () -> check("run.txt", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FileTypes.Refused.class);
    assertThatThrownBy(() -> check("bin.txt", new byte[] {'M', 'Z', 0, 0, 3}))
        .hasMessageContaining("not");
    assertThatThrownBy(() -> check("empty.txt", new byte[0])).hasMessageContaining("empty");
  }

  @Test
  void refusesExtensionsOffTheList() {
    for (String name : new String[] {"a.exe", "a.html", "a.htm", "a.svg", "a.js", "a.zip", "a"}) {
      assertThatThrownBy(() -> check(name, TestFiles.png()))
          .as(name)
          .isInstanceOf(FileTypes.Refused.class)
          .hasMessageContaining("not accepted");
    }
  }

  @Test
  void namesLoseTheirPathControlAndBidiCharacters() {
    assertThat(FileTypes.sanitizeName("../../etc/passwd.png")).isEqualTo("passwd.png");
    assertThat(FileTypes.sanitizeName("C:\\Users\\张三\\现场照片.jpg")).isEqualTo("现场照片.jpg");
    assertThat(FileTypes.sanitizeName("photo\u202Egpj.exe")).isEqualTo("photogpj.exe");
    assertThat(FileTypes.sanitizeName("a\u0000b\r\n<c>.txt")).isEqualTo("abc.txt");
    assertThat(FileTypes.sanitizeName("...hidden.pdf")).isEqualTo("hidden.pdf");
    assertThat(FileTypes.sanitizeName("   ")).isEqualTo("file");
    assertThat(FileTypes.sanitizeName(null)).isEqualTo("file");
    String longName = "很".repeat(300) + ".pdf";
    String cut = FileTypes.sanitizeName(longName);
    assertThat(cut).endsWith(".pdf");
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(120);
  }
}
