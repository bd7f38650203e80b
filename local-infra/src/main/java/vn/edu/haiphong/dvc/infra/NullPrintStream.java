package vn.edu.haiphong.dvc.infra;

import java.io.OutputStream;
import java.io.PrintStream;

final class NullPrintStream extends PrintStream {

    static final NullPrintStream INSTANCE = new NullPrintStream();

    private NullPrintStream() {
        super(OutputStream.nullOutputStream());
    }
}
