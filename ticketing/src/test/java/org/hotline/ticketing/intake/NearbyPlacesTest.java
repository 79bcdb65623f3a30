package org.hotline.ticketing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NearbyPlacesTest {

  @Test
  void housesOnTheSameStreetAreNearWhateverTheirNumbers() {
    assertThat(NearbyPlaces.sameStreet("建新街道人民路23号", "建新街道人民路180号门口")).isTrue();
    assertThat(NearbyPlaces.sameStreet("人民路 25 号", "建新街道人民路23号")).isTrue();
  }

  @Test
  void otherStreetsAreNotNear() {
    assertThat(NearbyPlaces.sameStreet("建新街道人民路23号", "建新街道解放路23号")).isFalse();
    assertThat(NearbyPlaces.sameStreet("光明北路1号", "光明南路1号")).isFalse();
  }

  @Test
  void oneAddressContainingTheOtherIsNear() {
    assertThat(NearbyPlaces.sameStreet("向阳小区", "向阳小区3栋2单元")).isTrue();
  }

  @Test
  void fullWidthDigitsAndPunctuationDoNotMatter() {
    assertThat(NearbyPlaces.normal("人民路１２号，门口")).isEqualTo("人民路12号门口");
    assertThat(NearbyPlaces.sameStreet("人民路１２号", "人民路12号")).isTrue();
  }

  @Test
  void tooLittleTextSaysNothing() {
    assertThat(NearbyPlaces.sameStreet("路", "人民路1号")).isFalse();
    assertThat(NearbyPlaces.sameStreet("12号", "12号")).isFalse();
    assertThat(NearbyPlaces.sameStreet(null, "人民路1号")).isFalse();
    assertThat(NearbyPlaces.sameStreet("", "")).isFalse();
  }

  @Test
  void coordinatesDecideWhenBothPlacesHaveThem() {
    // 0.001° of latitude is about 111 m; 0.01° about 1.1 km.
    assertThat(NearbyPlaces.near("甲路1号", 39.9000, 116.4000, "乙路9号", 39.9010, 116.4000)).isTrue();
    assertThat(NearbyPlaces.near("人民路1号", 39.9000, 116.4000, "人民路2号", 39.9100, 116.4000)).isFalse();
    assertThat(NearbyPlaces.metres(39.9, 116.4, 39.9, 116.4)).isZero();
    assertThat(NearbyPlaces.metres(39.9, 116.4, 39.91, 116.4)).isBetween(1100.0, 1125.0);
  }

  @Test
  void withoutCoordinatesOnBothSidesTheStreetDecides() {
    assertThat(NearbyPlaces.near("人民路1号", 39.9, 116.4, "人民路200号", null, null)).isTrue();
  }
}
